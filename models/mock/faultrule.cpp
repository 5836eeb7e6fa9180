#include "faultrule.h"

#include "core/enumtable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr auto kindNames = enumTable<FaultKind>({
    {FaultKind::None, u"none"},
    {FaultKind::Latency, u"latency"},
    {FaultKind::Http500, u"http-500"},
    {FaultKind::Http503, u"http-503"},
    {FaultKind::Reset, u"reset"},
    {FaultKind::NoAnswer, u"no-answer"},
    {FaultKind::TruncatedJson, u"truncated-json"},
    {FaultKind::MalformedJson, u"malformed-json"},
    {FaultKind::Blocked, u"blocked"},
    {FaultKind::Oversized, u"oversized"},
});

// Bounds that keep a typo in a rule file from holding sockets for days or allocating gigabytes.
constexpr int maxDelayMs = 10 * 60 * 1000;
constexpr qint64 maxOversizeBytes = 512LL * 1024 * 1024;

Result<int> boundedInt(const QJsonObject &object, QLatin1StringView key, int max)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return 0;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 0 || number > max || number != std::floor(number))
        return Result<int>::failure(
            Error::Code::Schema, u"\"%1\" must be a whole number from 0 to %2"_s.arg(key).arg(max));
    return static_cast<int>(number);
}

} // namespace

QString faultKindName(FaultKind kind)
{
    return kindNames.key(kind).value_or(QString());
}

std::optional<FaultKind> faultKindFromName(QStringView name)
{
    return kindNames.fromKey(name);
}

QList<FaultKind> allFaultKinds()
{
    QList<FaultKind> kinds;
    for (const EnumName<FaultKind> &name : kindNames.names()) {
        if (name.value != FaultKind::None)
            kinds.append(name.value);
    }
    return kinds;
}

QJsonObject FaultRule::toJson() const
{
    QJsonObject object{
        {u"route"_s, route}, {u"kind"_s, faultKindName(kind)}, {u"probability"_s, probability}};
    switch (kind) {
    case FaultKind::Latency:
        object.insert(u"latencyMs"_s, latencyMs);
        if (jitterMs > 0)
            object.insert(u"jitterMs"_s, jitterMs);
        break;
    case FaultKind::NoAnswer:
        if (holdMs > 0)
            object.insert(u"holdMs"_s, holdMs);
        break;
    case FaultKind::Oversized:
        object.insert(u"sizeBytes"_s, static_cast<double>(sizeBytes));
        break;
    default:
        break;
    }
    return object;
}

Result<FaultRule> FaultRule::fromJson(const QJsonObject &object)
{
    FaultRule rule;
    const QString kindName = object.value("kind"_L1).toString();
    const std::optional<FaultKind> kind = faultKindFromName(kindName);
    if (!kind || *kind == FaultKind::None)
        return Result<FaultRule>::failure(Error::Code::Schema, u"unknown fault kind \"%1\""_s.arg(kindName));
    rule.kind = *kind;
    if (object.contains("route"_L1)) {
        rule.route = object.value("route"_L1).toString();
        if (rule.route.isEmpty())
            return Result<FaultRule>::failure(Error::Code::Schema, u"\"route\" is empty"_s);
    }
    if (object.contains("probability"_L1)) {
        const QJsonValue probability = object.value("probability"_L1);
        rule.probability = probability.toDouble(-1);
        if (!probability.isDouble() || rule.probability < 0 || rule.probability > 1)
            return Result<FaultRule>::failure(
                Error::Code::Schema, u"\"probability\" must be a number from 0 to 1"_s);
    }
    const Result<int> latency = boundedInt(object, "latencyMs"_L1, maxDelayMs);
    const Result<int> jitter = boundedInt(object, "jitterMs"_L1, maxDelayMs);
    const Result<int> hold = boundedInt(object, "holdMs"_L1, maxDelayMs);
    for (const Result<int> *value : {&latency, &jitter, &hold}) {
        if (!value->ok())
            return value->error();
    }
    rule.latencyMs = latency.value();
    rule.jitterMs = jitter.value();
    rule.holdMs = hold.value();
    if (object.contains("sizeBytes"_L1)) {
        const double size = object.value("sizeBytes"_L1).toDouble(-1);
        if (size < 1 || size > static_cast<double>(maxOversizeBytes) || size != std::floor(size))
            return Result<FaultRule>::failure(Error::Code::Schema,
                u"\"sizeBytes\" must be a whole number from 1 to %1"_s.arg(maxOversizeBytes));
        rule.sizeBytes = static_cast<qint64>(size);
    }
    return rule;
}

Result<QList<FaultRule>> FaultRule::listFromJson(const QJsonValue &value)
{
    if (!value.isArray())
        return Result<QList<FaultRule>>::failure(Error::Code::Schema, u"fault rules must be a JSON array"_s);
    QList<FaultRule> rules;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<FaultRule> rule = FaultRule::fromJson(array.at(i).toObject());
        if (!rule)
            return Error{rule.error().code, u"fault rule %1: %2"_s.arg(i + 1).arg(rule.errorString())};
        rules.append(std::move(rule).value());
    }
    return rules;
}

Result<QList<FaultRule>> FaultRule::listFromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QList<FaultRule>>::failure(
            Error::Code::Io, u"cannot read %1: %2"_s.arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        return Result<QList<FaultRule>>::failure(Error::Code::Parse,
            u"%1: not JSON (%2 at byte %3)"_s.arg(path, error.errorString()).arg(error.offset));
    Result<QList<FaultRule>> rules
        = listFromJson(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()));
    if (!rules)
        return Error{rules.error().code, path + u": "_s + rules.errorString()};
    return rules;
}

} // namespace jb
