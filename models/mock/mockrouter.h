#pragma once

#include "faultinjector.h"
#include "mockroutes.h"

#include <memory>

namespace jb {

// Request -> answer for the whole mock server, still without a socket: asks each route set in the
// order added, answers 404 when none matches, then lets the fault injector spoil the answer.
class MockRouter final
{
public:
    MockRouter() = default;

    // Route sets are shared so that their owner (a GUI page, the CLI) can keep editing them.
    void addRoutes(std::shared_ptr<MockRoutes> routes);
    void clearRoutes() { m_sets.clear(); }
    const QList<std::shared_ptr<MockRoutes>> &routeSets() const { return m_sets; }
    QList<MockRouteInfo> routes() const;

    FaultInjector &faults() { return m_faults; }
    const FaultInjector &faults() const { return m_faults; }

    MockResponse handle(const HttpRequest &request);
    static MockResponse notFound(const HttpRequest &request);

private:
    QList<std::shared_ptr<MockRoutes>> m_sets;
    FaultInjector m_faults;
};

} // namespace jb
