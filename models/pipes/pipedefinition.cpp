#include "pipedefinition.h"

#include "core/enumtable.h"
#include "templatetext.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr auto typeNames = enumTable<StepDefinition::Type>({
    {StepDefinition::Type::Validate, u"validate"},
    {StepDefinition::Type::Set, u"set"},
    {StepDefinition::Type::Http, u"http"},
    {StepDefinition::Type::Choice, u"choice"},
    {StepDefinition::Type::Respond, u"respond"},
    {StepDefinition::Type::Publish, u"publish"},
    {StepDefinition::Type::Log, u"log"},
    {StepDefinition::Type::Retry, u"retry"},
    {StepDefinition::Type::Map, u"map"},
    {StepDefinition::Type::Database, u"database"},
    {StepDefinition::Type::ForEach, u"for-each"},
});

// The keys every step has, and the keys that hold something other than templates.
const QSet<QString> &plainKeys()
{
    static const QSet<QString> keys = {u"id"_s, u"type"_s, u"name"_s, u"failOnError"_s, u"regex"_s,
        u"schema"_s, u"when"_s, u"otherwise"_s, u"steps"_s, u"onException"_s};
    return keys;
}

class Parser
{
public:
    QString error;

    bool parseSteps(const QJsonValue &value, const QString &where, std::vector<StepDefinition> &out)
    {
        if (!value.isArray())
            return fail(u"%1 must be an array of steps"_s.arg(where));
        const QJsonArray array = value.toArray();
        out.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            StepDefinition step;
            if (!parseStep(array.at(i), u"%1[%2]"_s.arg(where).arg(i), step))
                return false;
            out.push_back(std::move(step));
        }
        return true;
    }

    void collect(const std::vector<StepDefinition> &steps, QStringList &out) const
    {
        for (const StepDefinition &step : steps) {
            for (auto it = step.settings.constBegin(); it != step.settings.constEnd(); ++it) {
                if (!plainKeys().contains(it.key()))
                    collectTemplates(it.value(), out);
            }
            for (const ChoiceBranch &branch : step.when) {
                if (!out.contains(branch.condition))
                    out.append(branch.condition);
                collect(branch.steps, out);
            }
            collect(step.otherwise, out);
            collect(step.steps, out);
            collect(step.onException, out);
        }
    }

private:
    QSet<QString> m_ids;

    bool fail(const QString &message)
    {
        error = message;
        return false;
    }

    static void collectTemplates(const QJsonValue &value, QStringList &out)
    {
        if (value.isString() && TemplateText::hasExpression(value.toString())) {
            const Result<TemplateText> parsed = TemplateText::parse(value.toString());
            if (parsed) {
                for (const QString &expression : parsed.value().expressions()) {
                    if (!out.contains(expression))
                        out.append(expression);
                }
            }
        } else if (value.isArray()) {
            for (const QJsonValue &item : value.toArray())
                collectTemplates(item, out);
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.constBegin(); it != object.constEnd(); ++it)
                collectTemplates(it.value(), out);
        }
    }

    // Checks the template syntax of every string below `value`.
    bool checkTemplates(const QJsonValue &value, const QString &where)
    {
        if (value.isString() && TemplateText::hasExpression(value.toString())) {
            const Result<TemplateText> parsed = TemplateText::parse(value.toString());
            if (!parsed)
                return fail(u"%1: %2"_s.arg(where, parsed.errorString()));
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (!checkTemplates(array.at(i), u"%1[%2]"_s.arg(where).arg(i)))
                    return false;
            }
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                if (!checkTemplates(it.value(), where + u'.' + it.key()))
                    return false;
            }
        }
        return true;
    }

    // A setting that is a number, or a template that gives one when it runs.
    bool checkNumber(const QJsonObject &settings, const QString &key, const QString &where)
    {
        const QJsonValue value = settings.value(key);
        if (value.isUndefined() || value.isDouble())
            return true;
        if (value.isString() && TemplateText::hasExpression(value.toString()))
            return true;
        return fail(u"%1: \"%2\" must be a number or a {{ }} template"_s.arg(where, key));
    }

    bool parseStep(const QJsonValue &value, const QString &where, StepDefinition &step)
    {
        if (!value.isObject())
            return fail(u"%1 must be an object"_s.arg(where));
        const QJsonObject object = value.toObject();
        step.settings = object;
        step.id = object.value(u"id"_s).toString();
        if (step.id.isEmpty())
            return fail(u"%1 has no \"id\""_s.arg(where));
        const QString at = u"step \"%1\""_s.arg(step.id);
        if (m_ids.contains(step.id))
            return fail(u"%1: the id is used by another step of the pipe"_s.arg(at));
        m_ids.insert(step.id);
        step.name = object.value(u"name"_s).toString();
        const QString type = object.value(u"type"_s).toString();
        const std::optional<StepDefinition::Type> known = typeNames.fromKey(type);
        if (!known)
            return fail(u"%1: unknown type \"%2\" (expected one of %3)"_s.arg(
                at, type, typeNames.keys().join(u", ")));
        step.type = *known;
        const QString failOnError = object.value(u"failOnError"_s).toString(u"stop"_s);
        if (failOnError != u"stop" && failOnError != u"continue")
            return fail(u"%1: \"failOnError\" must be \"stop\" or \"continue\""_s.arg(at));
        step.continueOnError = failOnError == u"continue";
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!plainKeys().contains(it.key()) && !checkTemplates(it.value(), at + u'.' + it.key()))
                return false;
        }
        return parseSettings(object, at, step);
    }

    bool parseSettings(const QJsonObject &object, const QString &at, StepDefinition &step)
    {
        auto requireKey = [&](const QString &key) {
            return object.contains(key) || fail(u"%1: \"%2\" is required"_s.arg(at, key));
        };
        switch (step.type) {
        case StepDefinition::Type::Validate:
            return parseValidate(object, at, step);
        case StepDefinition::Type::Set:
            return requireKey(u"value"_s);
        case StepDefinition::Type::Http:
            if (!requireKey(u"url"_s))
                return false;
            for (const QString &key : {u"connectTimeoutMs"_s, u"readTimeoutMs"_s, u"retries"_s,
                     u"retryWaitMs"_s, u"maxResponseBytes"_s}) {
                if (!checkNumber(object, key, at))
                    return false;
            }
            return true;
        case StepDefinition::Type::Choice:
            return parseChoice(object, at, step);
        case StepDefinition::Type::Respond:
            return checkNumber(object, u"status"_s, at);
        case StepDefinition::Type::Publish:
            return requireKey(u"event"_s);
        case StepDefinition::Type::Log: {
            const QString level = object.value(u"level"_s).toString(u"info"_s);
            if (!QStringList{u"debug"_s, u"info"_s, u"warning"_s, u"error"_s}.contains(level))
                return fail(u"%1: \"level\" must be debug, info, warning or error"_s.arg(at));
            return requireKey(u"message"_s);
        }
        case StepDefinition::Type::Retry:
            return checkNumber(object, u"delayMs"_s, at);
        case StepDefinition::Type::Map:
            return requireKey(u"mapping"_s);
        case StepDefinition::Type::Database:
            return requireKey(u"database"_s) && requireKey(u"query"_s)
                && checkNumber(object, u"maxRows"_s, at);
        case StepDefinition::Type::ForEach:
            return parseForEach(object, at, step);
        }
        return true;
    }

    bool parseValidate(const QJsonObject &object, const QString &at, StepDefinition &step)
    {
        const bool hasRegex = object.contains(u"regex"_s);
        const bool hasSchema = object.contains(u"schema"_s);
        if (hasRegex == hasSchema)
            return fail(u"%1: a validate step needs either \"regex\" or \"schema\""_s.arg(at));
        if (hasRegex) {
            step.regex = QRegularExpression(object.value(u"regex"_s).toString());
            if (!object.value(u"regex"_s).isString() || !step.regex.isValid())
                return fail(u"%1: invalid regex: %2"_s.arg(at, step.regex.errorString()));
            // compiled here, once, so that worker threads only ever read it
            step.regex.optimize();
            return true;
        }
        Result<std::shared_ptr<const JsonSchema>> schema = JsonSchema::compile(object.value(u"schema"_s));
        if (!schema)
            return fail(u"%1: %2"_s.arg(at, schema.errorString()));
        step.schema = std::move(schema).value();
        return true;
    }

    bool parseForEach(const QJsonObject &object, const QString &at, StepDefinition &step)
    {
        if (!object.contains(u"items"_s))
            return fail(u"%1: \"items\" is required (the array to iterate over)"_s.arg(at));
        if (!parseSteps(object.value(u"steps"_s), at + u": steps"_s, step.steps))
            return false;
        if (step.steps.empty())
            return fail(u"%1: a for-each needs at least one step"_s.arg(at));
        if (object.contains(u"onException"_s))
            return parseSteps(object.value(u"onException"_s), at + u": onException"_s, step.onException);
        return true;
    }

    bool parseChoice(const QJsonObject &object, const QString &at, StepDefinition &step)
    {
        const QJsonValue when = object.value(u"when"_s);
        if (!when.isArray() || when.toArray().isEmpty())
            return fail(u"%1: a choice needs a non-empty \"when\" array"_s.arg(at));
        const QJsonArray branches = when.toArray();
        for (qsizetype i = 0; i < branches.size(); ++i) {
            const QJsonObject branch = branches.at(i).toObject();
            ChoiceBranch parsed;
            parsed.condition = branch.value(u"condition"_s).toString().trimmed();
            if (parsed.condition.isEmpty())
                return fail(u"%1: when[%2] needs a \"condition\" (JavaScript)"_s.arg(at).arg(i));
            if (!parseSteps(branch.value(u"steps"_s), u"%1: when[%2].steps"_s.arg(at).arg(i), parsed.steps))
                return false;
            step.when.push_back(std::move(parsed));
        }
        if (object.contains(u"otherwise"_s))
            return parseSteps(object.value(u"otherwise"_s), at + u": otherwise"_s, step.otherwise);
        return true;
    }
};

bool positiveInt(const QJsonObject &object, const QString &key, qint64 max, qint64 &out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 1 || number > double(max) || number != std::floor(number))
        return false;
    out = qint64(number);
    return true;
}

Result<PipeTrigger> parseTrigger(const QJsonValue &value)
{
    using R = Result<PipeTrigger>;
    if (!value.isObject())
        return R::failure(Error::Code::Schema, u"\"trigger\" must be an object"_s);
    const QJsonObject object = value.toObject();
    PipeTrigger trigger;
    const QString type = object.value(u"type"_s).toString();
    qint64 timeout = trigger.timeoutMs;
    if (!positiveInt(object, u"timeoutMs"_s, PipeTrigger::maxTimeoutMs, timeout))
        return R::failure(Error::Code::Schema,
            u"trigger.timeoutMs must be a whole number of milliseconds, 1 to %1"_s.arg(
                PipeTrigger::maxTimeoutMs));
    trigger.timeoutMs = int(timeout);
    if (type == u"rest") {
        trigger.type = PipeTrigger::Type::Rest;
        trigger.method = object.value(u"method"_s).toString(u"GET"_s).toUpper();
        Result<PathTemplate> path
            = PathTemplate::parse(object.value(u"path"_s).toString(), PathTemplate::Matching::Exact);
        if (!path)
            return R::failure(Error::Code::Schema, u"trigger: %1"_s.arg(path.errorString()));
        trigger.path = std::move(path).value();
        if (!positiveInt(
                object, u"maxRequestBytes"_s, std::numeric_limits<qint32>::max(), trigger.maxRequestBytes))
            return R::failure(Error::Code::Schema, u"trigger.maxRequestBytes must be a positive number"_s);
        Result<HttpLimits> limits = HttpLimits::fromJson(object.value(u"limits"_s), u"trigger.limits"_s);
        if (!limits)
            return R::failure(Error::Code::Schema, limits.errorString());
        trigger.limits = limits.value();
        return trigger;
    }
    if (type == u"event") {
        trigger.type = PipeTrigger::Type::Event;
        trigger.event = object.value(u"event"_s).toString();
        if (trigger.event.isEmpty())
            return R::failure(Error::Code::Schema, u"an event trigger needs \"event\" (the event name)"_s);
        qint64 expiration = trigger.expirationMs;
        if (!positiveInt(object, u"expirationMs"_s, std::numeric_limits<qint32>::max(), expiration))
            return R::failure(Error::Code::Schema, u"trigger.expirationMs must be a positive number"_s);
        trigger.expirationMs = int(expiration);
        return trigger;
    }
    return R::failure(Error::Code::Schema, u"trigger.type must be \"rest\" or \"event\""_s);
}

} // namespace

QString StepDefinition::typeName(Type type)
{
    return typeNames.key(type).value_or(QString());
}

Result<PipeDefinition> PipeDefinition::fromJson(const QJsonObject &object)
{
    using R = Result<PipeDefinition>;
    PipeDefinition pipe;
    pipe.id = object.value(u"id"_s).toString();
    if (pipe.id.isEmpty())
        return R::failure(Error::Code::Schema, u"the pipe has no \"id\""_s);
    pipe.name = object.value(u"name"_s).toString(pipe.id);
    pipe.flow = object.value(u"flow"_s).toString();
    pipe.description = object.value(u"description"_s).toString();
    pipe.errorEvent = object.value(u"errorEvent"_s).toString(QString(defaultErrorEvent));
    Result<PipeTrigger> trigger = parseTrigger(object.value(u"trigger"_s));
    if (!trigger)
        return R::failure(Error::Code::Schema, u"pipe \"%1\": %2"_s.arg(pipe.id, trigger.errorString()));
    pipe.trigger = std::move(trigger).value();
    Parser parser;
    if (!parser.parseSteps(object.value(u"steps"_s), u"steps"_s, pipe.steps))
        return R::failure(Error::Code::Schema, u"pipe \"%1\": %2"_s.arg(pipe.id, parser.error));
    if (object.contains(u"onException"_s)
        && !parser.parseSteps(object.value(u"onException"_s), u"onException"_s, pipe.onException))
        return R::failure(Error::Code::Schema, u"pipe \"%1\": %2"_s.arg(pipe.id, parser.error));
    return pipe;
}

QStringList PipeDefinition::expressions() const
{
    QStringList out;
    Parser parser;
    parser.collect(steps, out);
    parser.collect(onException, out);
    return out;
}

} // namespace jb
