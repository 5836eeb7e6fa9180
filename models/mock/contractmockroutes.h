#pragma once

#include "mockroutes.h"
#include "mockrule.h"
#include "pathtemplate.h"
#include "projectdata.h"

#include <QStringList>

namespace jb {

// Mocks any service of a project from rules (usually its contract's message examples): the first
// rule whose method, path template and body match answers; each answer is prebuilt.
class ContractMockRoutes final : public MockRoutes
{
public:
    ContractMockRoutes() = default;

    // All or nothing: a rule with a bad path template refuses the whole list.
    Status setRules(const QList<MockRule> &rules);
    const QList<MockRule> &rules() const { return m_rules; }

    // A default rule per HTTP service whose contract has an example: the service's method + the
    // path of its endpoint URL -> 200 + the first example, Content-Type from its media type.
    // `skipped` (when given) receives one line per service left out, saying why.
    static QList<MockRule> defaultRules(const QList<EntityRecord> &entities, QStringList *skipped = nullptr);
    // The path part of a service endpoint: "https://host:8443/api/v1/x?y" -> "/api/v1/x";
    // "/consultaCEP/{cep}" stays; empty when it is not an HTTP endpoint.
    static QString endpointPath(const QString &endpoint);

    std::optional<MockResponse> respond(const MockRequest &request) const override;
    QList<MockRouteInfo> routes() const override;

private:
    struct Compiled
    {
        QByteArray method; // empty: any
        PathTemplate path;
        QByteArray bodyContains;
        QJsonValue bodyJson;
        MockResponse response;
    };

    QList<MockRule> m_rules;
    QList<Compiled> m_compiled;
};

} // namespace jb
