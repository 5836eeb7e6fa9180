#pragma once

#include "contractvalidator.h"
#include "mockroutes.h"
#include "mockrule.h"
#include "pathtemplate.h"
#include "projectdata.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

#include <memory>
#include <optional>

namespace jb {

// Mocks any service of a project from rules (usually its contract's message examples): the first
// rule whose method, path template and body match answers; each answer is prebuilt. A rule that
// validates stands in for a consumer: it checks the body against its contract (valijson), keeps
// what it accepted and rejects the rest with the fields and rules broken.
class ContractMockRoutes final : public MockRoutes
{
public:
    // How many accepted bodies a rule keeps; past it the oldest go, so a long run stays bounded.
    static constexpr qsizetype maxKept = 10000;

    ContractMockRoutes() = default;

    // The default rules of a project's services (defaultRules) except those whose route is one of
    // `takenRoutes` (another mock answers it), ready to serve. `skipped` as for defaultRules.
    static Result<std::shared_ptr<ContractMockRoutes>> fromProject(
        const QList<EntityRecord> &entities, const QStringList &takenRoutes, QStringList *skipped = nullptr);

    // All or nothing: a rule with a bad path template, or one that validates against a contract
    // `entities` does not have, refuses the whole list.
    Status setRules(const QList<MockRule> &rules, const QList<EntityRecord> &entities = {});
    const QList<MockRule> &rules() const { return m_rules; }

    // The default rules, one per HTTP service of the project:
    // - POST, PUT and PATCH services whose contract is JSON with fields validate against it:
    //   201 (POST) or 200 with the body echoed, 422 with the errors;
    // - the others, when their contract has an example: 200 + the first example, Content-Type
    //   from its media type.
    // `skipped` (when given) receives one line per service left out, saying why.
    static QList<MockRule> defaultRules(const QList<EntityRecord> &entities, QStringList *skipped = nullptr);
    // The path part of a service endpoint: "https://host:8443/api/v1/x?y" -> "/api/v1/x";
    // "/consultaCEP/{cep}" stays; empty when it is not an HTTP endpoint.
    static QString endpointPath(const QString &endpoint);

    std::optional<MockResponse> respond(const HttpRequest &request) const override;
    QList<MockRouteInfo> routes() const override;
    // A validating rule keeps the body it accepted here, once no fault took the answer away.
    void delivered(const HttpRequest &request, const MockResponse &response) const override;

    // The bodies a validating rule accepted, oldest first, by the rule's id (its route key when it
    // has none). Safe from any thread.
    QList<QByteArray> received(const QString &ruleId) const;
    void clearReceived();

private:
    struct Compiled
    {
        QString key; // the rule's id, or its route key
        QByteArray method; // empty: any
        PathTemplate path;
        QByteArray bodyContains;
        QJsonValue bodyJson;
        MockResponse response;
        std::optional<ContractValidator> validator;
        int rejectStatus = 422;
        bool echo = false; // answer a valid body with itself
    };

    MockResponse validated(
        const Compiled &entry, qsizetype index, const HttpRequest &request, const QJsonValue &body) const;
    MockResponse rejected(const Compiled &entry, const QJsonArray &errors) const;

    QList<MockRule> m_rules;
    QList<Compiled> m_compiled;
    // respond() is const for the router, but a validating rule remembers: guarded, because the GUI
    // reads what was received while the server's thread adds to it (and valijson's validator
    // caches as it goes).
    mutable QMutex m_mutex;
    mutable QHash<QString, QList<QByteArray>> m_received;
};

} // namespace jb
