#include "contractmockroutes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace jb {

Status ContractMockRoutes::setRules(const QList<MockRule> &rules)
{
    QList<Compiled> compiled;
    compiled.reserve(rules.size());
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const MockRule &rule = rules.at(i);
        Result<PathTemplate> path = PathTemplate::parse(rule.path);
        if (!path)
            return Status::failure(
                path.error().code, u"mock rule %1: %2"_s.arg(i + 1).arg(path.errorString()));
        Compiled entry;
        entry.method = rule.method == u"*" ? QByteArray() : rule.method.toUpper().toLatin1();
        entry.path = std::move(path).value();
        entry.bodyContains = rule.bodyContains.toUtf8();
        entry.bodyJson = rule.bodyJson;
        entry.response.status = rule.status;
        for (const auto &[name, value] : rule.headers)
            entry.response.headers.append({name.toLatin1(), value.toUtf8()});
        entry.response.body = rule.body.toUtf8();
        entry.response.route = rule.routeKey();
        entry.response.prebuild();
        compiled.append(std::move(entry));
    }
    m_rules = rules;
    m_compiled = std::move(compiled);
    return {};
}

QString ContractMockRoutes::endpointPath(const QString &endpoint)
{
    QString path = endpoint.trimmed();
    const qsizetype scheme = path.indexOf(u"://");
    if (scheme >= 0) {
        if (!path.startsWith(u"http://", Qt::CaseInsensitive)
            && !path.startsWith(u"https://", Qt::CaseInsensitive))
            return QString();
        const qsizetype slash = path.indexOf(u'/', scheme + 3);
        path = slash < 0 ? u"/"_s : path.mid(slash);
    }
    if (!path.startsWith(u'/') || path.contains(u' '))
        return QString();
    const qsizetype query = path.indexOf(u'?');
    if (query >= 0)
        path.truncate(query);
    const qsizetype fragment = path.indexOf(u'#');
    if (fragment >= 0)
        path.truncate(fragment);
    return path;
}

QList<MockRule> ContractMockRoutes::defaultRules(const QList<EntityRecord> &entities, QStringList *skipped)
{
    static const QStringList httpMethods{u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s};
    static const QStringList httpKinds{u"api"_s, u"web-service"_s};
    QHash<QString, const EntityRecord *> contracts;
    for (const EntityRecord &entity : entities) {
        if (entity.kind == u"contract")
            contracts.insert(entity.id(), &entity);
    }
    auto skip = [skipped](const EntityRecord &service, const QString &why) {
        if (skipped)
            skipped->append(u"service %1: %2"_s.arg(service.id(), why));
    };
    QList<MockRule> rules;
    QStringList keys;
    for (const EntityRecord &service : entities) {
        if (service.kind != u"service")
            continue;
        if (!httpKinds.contains(service.data.value("kind"_L1).toString()))
            continue; // database selects, files: nothing to mock over HTTP
        const QString method = service.data.value("method"_L1).toString(u"GET"_s).toUpper();
        if (!httpMethods.contains(method)) {
            skip(service, u"method %1 is not HTTP"_s.arg(method));
            continue;
        }
        const QString path = endpointPath(service.data.value("endpoint"_L1).toString());
        if (path.isEmpty() || !PathTemplate::parse(path).ok()) {
            skip(service, u"no HTTP path in its endpoint"_s);
            continue;
        }
        const QString contractId = service.data.value("contract"_L1).toString();
        const EntityRecord *contract = contracts.value(contractId);
        const QJsonArray examples = contract ? contract->data.value("examples"_L1).toArray() : QJsonArray();
        if (examples.isEmpty()) {
            skip(service, contract ? u"contract %1 has no example"_s.arg(contractId) : u"no contract"_s);
            continue;
        }
        MockRule rule;
        rule.id = service.id();
        rule.method = method;
        rule.path = path;
        if (keys.contains(rule.routeKey())) {
            skip(service, u"%1 is already mocked by an earlier service"_s.arg(rule.routeKey()));
            continue;
        }
        const QJsonObject example = examples.first().toObject();
        const QString mediaType = example.value("mediaType"_L1).toString(u"application/json"_s);
        rule.headers.append({u"Content-Type"_s, mediaType + u"; charset=utf-8"_s});
        rule.body = example.value("content"_L1).toString();
        rule.description = u"service %1: example \"%2\" of contract %3"_s.arg(
            service.id(), example.value("name"_L1).toString(), contractId);
        keys.append(rule.routeKey());
        rules.append(std::move(rule));
    }
    return rules;
}

std::optional<MockResponse> ContractMockRoutes::respond(const MockRequest &request) const
{
    std::optional<QJsonValue> body; // parsed at most once, and only when a rule asks for it
    for (const Compiled &entry : m_compiled) {
        if (!entry.method.isEmpty() && entry.method != request.method)
            continue;
        if (!entry.path.matches(request.path))
            continue;
        if (!entry.bodyContains.isEmpty() && !request.body.contains(entry.bodyContains))
            continue;
        if (!entry.bodyJson.isUndefined()) {
            if (!body) {
                QJsonParseError error;
                const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
                body = error.error != QJsonParseError::NoError ? QJsonValue(QJsonValue::Undefined)
                    : document.isArray()                       ? QJsonValue(document.array())
                                                               : QJsonValue(document.object());
            }
            if (body->isUndefined() || !MockRule::isJsonSubset(entry.bodyJson, *body))
                continue;
        }
        return entry.response;
    }
    return std::nullopt;
}

QList<MockRouteInfo> ContractMockRoutes::routes() const
{
    QList<MockRouteInfo> list;
    for (const MockRule &rule : m_rules) {
        QString description = rule.description.isEmpty() ? rule.id : rule.description;
        if (!rule.bodyContains.isEmpty())
            description += u" (body contains \"%1\")"_s.arg(rule.bodyContains);
        if (!rule.bodyJson.isUndefined())
            description += u" (body holds a JSON subset)"_s;
        list.append({rule.method, rule.path, u"%1 -> %2"_s.arg(description, QString::number(rule.status))});
    }
    return list;
}

} // namespace jb
