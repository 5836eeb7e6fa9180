#include "mockrule.h"

#include "core/jsonwriter.h"
#include "mockroutes.h"
#include "pathtemplate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <optional>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QStringList &methods()
{
    static const QStringList list{
        u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s, u"HEAD"_s, u"OPTIONS"_s, u"*"_s};
    return list;
}

QStringList keyOrder(const QString &schemaPath)
{
    if (schemaPath.isEmpty())
        return {u"id"_s, u"description"_s, u"method"_s, u"path"_s, u"match"_s, u"validate"_s, u"response"_s};
    if (schemaPath == u"validate")
        return {u"contract"_s, u"rejectStatus"_s};
    if (schemaPath == u"match")
        return {u"bodyContains"_s, u"bodyJson"_s};
    if (schemaPath == u"response")
        return {u"status"_s, u"headers"_s, u"body"_s};
    if (schemaPath == u"response/headers")
        return {u"name"_s, u"value"_s};
    return {};
}

bool isHeaderToken(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == u':')
            return false;
    }
    return true;
}

// An HTTP status setting: `fallback` when absent, nullopt when it is not one.
std::optional<int> httpStatus(const QJsonValue &value, int fallback)
{
    if (value.isUndefined())
        return fallback;
    const int code = value.toInt(-1);
    if (code < 100 || code > 599)
        return std::nullopt;
    return code;
}

} // namespace

QString MockRule::routeKey() const
{
    return MockRouteInfo::key(method, path);
}

QJsonObject MockRule::toJson() const
{
    QJsonObject object;
    if (!id.isEmpty())
        object.insert(u"id"_s, id);
    if (!description.isEmpty())
        object.insert(u"description"_s, description);
    object.insert(u"method"_s, method);
    object.insert(u"path"_s, path);
    QJsonObject match;
    if (!bodyContains.isEmpty())
        match.insert(u"bodyContains"_s, bodyContains);
    if (!bodyJson.isUndefined())
        match.insert(u"bodyJson"_s, bodyJson);
    if (!match.isEmpty())
        object.insert(u"match"_s, match);
    if (!validateContract.isEmpty())
        object.insert(
            u"validate"_s, QJsonObject{{u"contract"_s, validateContract}, {u"rejectStatus"_s, rejectStatus}});
    QJsonArray headerList;
    for (const auto &[name, value] : headers)
        headerList.append(QJsonObject{{u"name"_s, name}, {u"value"_s, value}});
    object.insert(
        u"response"_s, QJsonObject{{u"status"_s, status}, {u"headers"_s, headerList}, {u"body"_s, body}});
    return object;
}

Result<MockRule> MockRule::fromJson(const QJsonObject &object)
{
    MockRule rule;
    rule.id = object.value("id"_L1).toString();
    rule.description = object.value("description"_L1).toString();
    rule.method = object.value("method"_L1).toString(u"GET"_s).toUpper();
    if (!methods().contains(rule.method))
        return Result<MockRule>::failure(Error::Code::Schema, u"unknown method \"%1\""_s.arg(rule.method));
    rule.path = object.value("path"_L1).toString();
    const Result<PathTemplate> path = PathTemplate::parse(rule.path);
    if (!path)
        return path.error();
    const QJsonObject match = object.value("match"_L1).toObject();
    rule.bodyContains = match.value("bodyContains"_L1).toString();
    rule.bodyJson = match.value("bodyJson"_L1);
    const QJsonValue validate = object.value("validate"_L1);
    if (!validate.isUndefined()) {
        rule.validateContract = validate.toObject().value("contract"_L1).toString();
        if (rule.validateContract.isEmpty())
            return Result<MockRule>::failure(
                Error::Code::Schema, u"\"validate\" must name the contract: {\"contract\": \"id\"}"_s);
        const std::optional<int> reject = httpStatus(validate.toObject().value("rejectStatus"_L1), 422);
        if (!reject)
            return Result<MockRule>::failure(
                Error::Code::Schema, u"\"rejectStatus\" must be an HTTP status from 100 to 599"_s);
        rule.rejectStatus = *reject;
    }
    const QJsonObject response = object.value("response"_L1).toObject();
    const std::optional<int> status = httpStatus(response.value("status"_L1), 200);
    if (!status)
        return Result<MockRule>::failure(
            Error::Code::Schema, u"\"status\" must be an HTTP status from 100 to 599"_s);
    rule.status = *status;
    for (const QJsonValue &header : response.value("headers"_L1).toArray()) {
        const QString name = header.toObject().value("name"_L1).toString();
        const QString value = header.toObject().value("value"_L1).toString();
        if (!isHeaderToken(name) || value.contains(u'\r') || value.contains(u'\n'))
            return Result<MockRule>::failure(Error::Code::Schema, u"bad header \"%1\""_s.arg(name));
        if (name.compare(u"Content-Length"_s, Qt::CaseInsensitive) == 0)
            continue; // the transport writes the real one
        rule.headers.append({name, value});
    }
    rule.body = response.value("body"_L1).toString();
    return rule;
}

QByteArray MockRule::listToJson(const QList<MockRule> &rules)
{
    QJsonArray array;
    for (const MockRule &rule : rules)
        array.append(rule.toJson());
    return JsonWriter::write(array, keyOrder);
}

Result<QList<MockRule>> MockRule::listFromJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<QList<MockRule>>::failure(Error::Code::Parse, error.errorString());
    if (!document.isArray())
        return Result<QList<MockRule>>::failure(Error::Code::Schema, u"mock rules must be a JSON array"_s);
    QList<MockRule> rules;
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<MockRule> rule = fromJson(array.at(i).toObject());
        if (!rule)
            return Error{rule.error().code, u"mock rule %1: %2"_s.arg(i + 1).arg(rule.errorString())};
        rules.append(std::move(rule).value());
    }
    return rules;
}

bool MockRule::isJsonSubset(const QJsonValue &pattern, const QJsonValue &value)
{
    if (pattern.isObject()) {
        if (!value.isObject())
            return false;
        const QJsonObject want = pattern.toObject();
        const QJsonObject have = value.toObject();
        for (auto it = want.begin(); it != want.end(); ++it) {
            const auto found = have.constFind(it.key());
            if (found == have.constEnd() || !isJsonSubset(it.value(), found.value()))
                return false;
        }
        return true;
    }
    if (pattern.isArray()) {
        if (!value.isArray())
            return false;
        const QJsonArray want = pattern.toArray();
        const QJsonArray have = value.toArray();
        if (want.size() != have.size())
            return false;
        for (qsizetype i = 0; i < want.size(); ++i) {
            if (!isJsonSubset(want.at(i), have.at(i)))
                return false;
        }
        return true;
    }
    return pattern == value;
}

} // namespace jb
