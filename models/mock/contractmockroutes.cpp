#include "contractmockroutes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const EntityRecord *findEntity(const QList<EntityRecord> &entities, QStringView kind, const QString &id)
{
    for (const EntityRecord &entity : entities) {
        if (entity.kind == kind && entity.id() == id)
            return &entity;
    }
    return nullptr;
}

// A JSON document as a value; Undefined when the text is not JSON.
QJsonValue parseBody(const QByteArray &body, QString *error = nullptr)
{
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parse);
    if (parse.error != QJsonParseError::NoError) {
        if (error)
            *error = parse.errorString();
        return QJsonValue::Undefined;
    }
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

} // namespace

Result<std::shared_ptr<ContractMockRoutes>> ContractMockRoutes::fromProject(
    const QList<EntityRecord> &entities, const QStringList &takenRoutes, QStringList *skipped)
{
    QList<MockRule> rules = defaultRules(entities, skipped);
    rules.removeIf([&](const MockRule &rule) {
        if (!takenRoutes.contains(rule.routeKey()))
            return false;
        if (skipped)
            skipped->append(u"service %1: %2 is answered by another mock"_s.arg(rule.id, rule.routeKey()));
        return true;
    });
    auto routes = std::make_shared<ContractMockRoutes>();
    if (const Status set = routes->setRules(rules, entities); !set)
        return set.error();
    return routes;
}

Status ContractMockRoutes::setRules(const QList<MockRule> &rules, const QList<EntityRecord> &entities)
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
        entry.key = rule.id.isEmpty() ? rule.routeKey() : rule.id;
        if (!rule.validateContract.isEmpty()) {
            const EntityRecord *contract = findEntity(entities, u"contract", rule.validateContract);
            if (!contract)
                return Status::failure(Error::Code::Schema,
                    u"mock rule %1: no contract \"%2\" to validate against"_s.arg(i + 1).arg(
                        rule.validateContract));
            Result<ContractValidator> validator
                = ContractValidator::create(Contract::fromJson(contract->data));
            if (!validator)
                return Status::failure(validator.error().code,
                    u"mock rule %1: contract %2: %3"_s.arg(i + 1).arg(
                        rule.validateContract, validator.errorString()));
            entry.validator = std::move(validator).value();
            entry.rejectStatus = rule.rejectStatus;
            entry.echo = rule.body.isEmpty();
        }
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
    QMutexLocker lock(&m_mutex);
    m_rules = rules;
    m_compiled = std::move(compiled);
    m_received.clear();
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
        MockRule rule;
        rule.id = service.id();
        rule.method = method;
        rule.path = path;
        if (keys.contains(rule.routeKey())) {
            skip(service, u"%1 is already mocked by an earlier service"_s.arg(rule.routeKey()));
            continue;
        }
        const QString format = contract ? contract->data.value("format"_L1).toString(u"json"_s) : QString();
        const bool writes = method == u"POST" || method == u"PUT" || method == u"PATCH";
        if (writes && format == u"json" && !contract->data.value("fields"_L1).toArray().isEmpty()) {
            rule.validateContract = contractId;
            rule.status = method == u"POST" ? 201 : 200;
            rule.headers.append({u"Content-Type"_s, u"application/json; charset=utf-8"_s});
            rule.description = u"service %1: validates against contract %2, keeps what it accepts"_s.arg(
                service.id(), contractId);
            keys.append(rule.routeKey());
            rules.append(std::move(rule));
            continue;
        }
        const QJsonArray examples = contract ? contract->data.value("examples"_L1).toArray() : QJsonArray();
        if (examples.isEmpty()) {
            skip(service, contract ? u"contract %1 has no example"_s.arg(contractId) : u"no contract"_s);
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

std::optional<MockResponse> ContractMockRoutes::respond(const HttpRequest &request) const
{
    std::optional<QJsonValue> body; // parsed at most once, and only when a rule asks for it
    for (qsizetype index = 0; index < m_compiled.size(); ++index) {
        const Compiled &entry = m_compiled.at(index);
        if (!entry.method.isEmpty() && entry.method != request.method)
            continue;
        if (!entry.path.matches(request.path))
            continue;
        if (!entry.bodyContains.isEmpty() && !request.body.contains(entry.bodyContains))
            continue;
        if (!entry.bodyJson.isUndefined() || entry.validator) {
            if (!body)
                body = parseBody(request.body);
        }
        if (!entry.bodyJson.isUndefined()) {
            if (body->isUndefined() || !MockRule::isJsonSubset(entry.bodyJson, *body))
                continue;
        }
        if (entry.validator)
            return validated(entry, index, request, *body);
        return entry.response;
    }
    return std::nullopt;
}

MockResponse ContractMockRoutes::validated(
    const Compiled &entry, qsizetype index, const HttpRequest &request, const QJsonValue &body) const
{
    if (body.isUndefined()) {
        QString why;
        parseBody(request.body, &why);
        const QString rule = u"the body is not JSON: "_s + why;
        return rejected(entry, QJsonArray{QJsonObject{{u"field"_s, u""_s}, {u"rule"_s, rule}}});
    }
    QMutexLocker lock(&m_mutex);
    const FieldErrors errors = entry.validator->validate(body);
    if (!errors.isEmpty()) {
        lock.unlock();
        QJsonArray list;
        for (const FieldError &error : errors)
            list.append(QJsonObject{{u"field"_s, error.field}, {u"rule"_s, error.rule}});
        return rejected(entry, list);
    }
    lock.unlock();
    MockResponse response = entry.response;
    response.rule = index; // kept by delivered(), unless a fault takes the answer away
    if (entry.echo) {
        response.body = request.body;
        response.wire.clear();
    }
    return response;
}

void ContractMockRoutes::delivered(const HttpRequest &request, const MockResponse &response) const
{
    QMutexLocker lock(&m_mutex);
    if (response.rule < 0 || response.rule >= m_compiled.size())
        return;
    const Compiled &entry = m_compiled.at(response.rule);
    if (!entry.validator || response.status != entry.response.status)
        return;
    QList<QByteArray> &kept = m_received[entry.key];
    if (kept.size() >= maxKept)
        kept.removeFirst();
    kept.append(request.body);
}

MockResponse ContractMockRoutes::rejected(const Compiled &entry, const QJsonArray &errors) const
{
    MockResponse response = MockResponse::withBody(entry.rejectStatus, "application/json; charset=utf-8",
        QJsonDocument(QJsonObject{{u"errors"_s, errors}}).toJson(QJsonDocument::Compact));
    response.route = entry.response.route;
    return response;
}

QList<QByteArray> ContractMockRoutes::received(const QString &ruleId) const
{
    QMutexLocker lock(&m_mutex);
    return m_received.value(ruleId);
}

void ContractMockRoutes::clearReceived()
{
    QMutexLocker lock(&m_mutex);
    m_received.clear();
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
        QString answers = QString::number(rule.status);
        if (!rule.validateContract.isEmpty())
            answers += u" or "_s + QString::number(rule.rejectStatus);
        list.append({rule.method, rule.path, u"%1 -> %2"_s.arg(description, answers)});
    }
    return list;
}

} // namespace jb
