#pragma once

#include "httprequest.h"
#include "mockresponse.h"

#include <QList>
#include <QString>

#include <optional>

namespace jb {

// One route as listed to people: "GET /ws/{cep}/json/  ViaCEP, 13 records".
struct MockRouteInfo
{
    QString method;
    QString pathTemplate;
    QString description;

    // The key fault rules and logs name the route by: "GET /ws/{cep}/json/".
    QString key() const { return method + u' ' + pathTemplate; }
    static QString key(QStringView method, QStringView pathTemplate);
};

// A set of routes: pure request -> response code with no socket, so that it is tested without a
// network and the same routes can sit behind any transport.
class MockRoutes
{
public:
    MockRoutes() = default;
    virtual ~MockRoutes();
    Q_DISABLE_COPY_MOVE(MockRoutes)

    // The answer when one of these routes matches the request; nullopt lets the next set answer.
    // The answer's `route` names the route key that matched.
    virtual std::optional<MockResponse> respond(const HttpRequest &request) const = 0;
    virtual QList<MockRouteInfo> routes() const = 0;
    // Called once the faults are applied, when `response` (from respond()) is still what the
    // client gets: a set that remembers what it received keeps it only then, not when an injected
    // fault turned the answer into an error or a dropped connection.
    virtual void delivered(const HttpRequest &request, const MockResponse &response) const;
};

} // namespace jb
