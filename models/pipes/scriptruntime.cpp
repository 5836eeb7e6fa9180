#include "scriptruntime.h"

#include "pipeenvironment.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace jb {

ScriptRuntime::ScriptRuntime(const PipeEnvironment &environment, ScriptWatchdog::Limits limits)
    : m_watchdog(limits)
{
    const QJSValue json = m_engine.globalObject().property(u"JSON"_s);
    m_stringify = json.property(u"stringify"_s);
    m_parse = json.property(u"parse"_s);
    m_freeze
        = m_engine.evaluate(u"(function freeze(o) { Object.values(o).forEach(function (v) {"
                            " if (v && typeof v === 'object') freeze(v); }); return Object.freeze(o); })"_s);

    // env['viacep.baseUrl'] and env.viacep.baseUrl both work: the flat names, plus nested
    // objects built from the dots (a flat name that is also a prefix keeps its flat value)
    QJSValue env = m_engine.newObject();
    for (const auto &[name, value] : environment.variables())
        env.setProperty(name, value);
    for (const auto &[name, value] : environment.variables()) {
        const QStringList parts = name.split(u'.');
        if (parts.size() < 2)
            continue;
        QJSValue node = env;
        bool blocked = false;
        for (qsizetype i = 0; i + 1 < parts.size() && !blocked; ++i) {
            QJSValue child = node.property(parts.at(i));
            if (child.isUndefined()) {
                child = m_engine.newObject();
                node.setProperty(parts.at(i), child);
            }
            blocked = !child.isObject();
            node = child;
        }
        if (!blocked && node.property(parts.constLast()).isUndefined())
            node.setProperty(parts.constLast(), value);
    }
    m_env = frozenObject(env);
    QJSValue secrets = m_engine.newObject();
    for (auto it = environment.secrets().cbegin(); it != environment.secrets().cend(); ++it)
        secrets.setProperty(it.key(), it.value());
    m_secrets = frozenObject(secrets);
    // executions share the engine: a global one script made (`leak = request.body`, a replaced
    // JSON) would be there for the next request's scripts. The global object is frozen: scripts
    // keep their own variables inside their function.
    m_engine.evaluate(u"Object.freeze(this)"_s);
}

QJSValue ScriptRuntime::frozenObject(const QJSValue &value)
{
    // executions share env and secrets: freezing stops one run from changing what the next sees
    return m_freeze.call({value});
}

Status ScriptRuntime::compile(const QString &expression)
{
    if (m_functions.contains(expression))
        return {};
    // the newline keeps a trailing // comment in the expression from eating the closing brackets
    const QJSValue function = m_engine.evaluate(
        u"(function (request, steps, message, env, secrets, event, error, execution, item, index) {"
        " return ("_s
        + expression + u"\n); })"_s);
    if (function.isError())
        return Status::failure(
            Error::Code::Parse, u"%1 in expression: %2"_s.arg(function.toString(), expression));
    m_functions.insert(expression, function);
    return {};
}

QJSValue ScriptRuntime::call(const QJSValue &function, const Scope &scope, ScriptWatchdog::Trip &trip)
{
    ScriptWatchdog::Guard guard(&m_watchdog, m_engine);
    QJSValue value = function.call({scope.request, scope.steps, scope.message, m_env, m_secrets, scope.event,
        scope.error, scope.execution, scope.item, scope.index});
    trip = guard.end();
    return value;
}

Result<QJSValue> ScriptRuntime::evaluateExpression(const QString &expression, const Scope &scope)
{
    auto it = m_functions.constFind(expression);
    if (it == m_functions.constEnd()) {
        const Status compiled = compile(expression);
        if (!compiled)
            return compiled.error();
        it = m_functions.constFind(expression);
    }
    ScriptWatchdog::Trip trip = ScriptWatchdog::Trip::None;
    const QJSValue value = call(*it, scope, trip);
    if (trip != ScriptWatchdog::Trip::None)
        return Result<QJSValue>::failure(Error::Code::Timeout,
            u"%1 in {{ %2 }}"_s.arg(ScriptWatchdog::describe(trip, m_watchdog.limits()), expression));
    if (value.isError())
        return Result<QJSValue>::failure(
            Error::Code::Internal, u"%1 in {{ %2 }}"_s.arg(value.toString(), expression));
    return value;
}

Result<bool> ScriptRuntime::condition(const QString &expression, const Scope &scope)
{
    const Result<QJSValue> value = evaluateExpression(expression, scope);
    if (!value)
        return value.error();
    return value.value().toBool();
}

Result<QJSValue> ScriptRuntime::evaluateText(const QString &text, const Scope &scope)
{
    auto it = m_templates.constFind(text);
    if (it == m_templates.constEnd()) {
        Result<TemplateText> parsed = TemplateText::parse(text);
        if (!parsed)
            return parsed.error();
        it = m_templates.insert(text, std::move(parsed).value());
    }
    if (it->isSingleExpression())
        return evaluateExpression(it->parts().constFirst().text, scope);
    QString result;
    for (const TemplateText::Part &part : it->parts()) {
        if (!part.expression) {
            result += part.text;
            continue;
        }
        const Result<QJSValue> value = evaluateExpression(part.text, scope);
        if (!value)
            return value;
        result += toText(value.value());
    }
    return QJSValue(result);
}

Result<QJSValue> ScriptRuntime::evaluate(const QJsonValue &setting, const Scope &scope)
{
    switch (setting.type()) {
    case QJsonValue::String: {
        const QString text = setting.toString();
        if (!TemplateText::hasExpression(text))
            return QJSValue(text);
        return evaluateText(text, scope);
    }
    case QJsonValue::Object: {
        const QJsonObject object = setting.toObject();
        QJSValue result = m_engine.newObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const Result<QJSValue> value = evaluate(it.value(), scope);
            if (!value)
                return value;
            result.setProperty(it.key(), value.value());
        }
        return result;
    }
    case QJsonValue::Array: {
        const QJsonArray array = setting.toArray();
        QJSValue result = m_engine.newArray(uint(array.size()));
        for (qsizetype i = 0; i < array.size(); ++i) {
            const Result<QJSValue> value = evaluate(array.at(i), scope);
            if (!value)
                return value;
            result.setProperty(quint32(i), value.value());
        }
        return result;
    }
    case QJsonValue::Double:
        return QJSValue(setting.toDouble());
    case QJsonValue::Bool:
        return QJSValue(setting.toBool());
    case QJsonValue::Null:
        return QJSValue(QJSValue::NullValue);
    case QJsonValue::Undefined:
        break;
    }
    return QJSValue();
}

QJSValue ScriptRuntime::toScript(const QJsonValue &value)
{
    return m_engine.toScriptValue(value);
}

QJsonValue ScriptRuntime::toJson(const QJSValue &value)
{
    if (value.isUndefined() || value.isCallable())
        return QJsonValue::Null;
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool();
    if (value.isNumber())
        return value.toNumber();
    if (value.isNull())
        return QJsonValue::Null;
    ScriptWatchdog::Guard guard(&m_watchdog, m_engine); // a getter is a script too
    const QJsonValue converted = m_engine.fromScriptValue<QJsonValue>(value);
    return converted.isUndefined() ? QJsonValue(QJsonValue::Null) : converted;
}

QByteArray ScriptRuntime::stringify(const QJSValue &value)
{
    ScriptWatchdog::Guard guard(&m_watchdog, m_engine); // getters and toJSON run here
    const QJSValue text = m_stringify.call({value});
    return text.isString() ? text.toString().toUtf8() : QByteArray("null");
}

Result<QJSValue> ScriptRuntime::parseJson(const QByteArray &bytes)
{
    const QJSValue value = m_parse.call({QString::fromUtf8(bytes)});
    if (value.isError())
        return Result<QJSValue>::failure(Error::Code::Parse, value.toString());
    return value;
}

QString ScriptRuntime::toText(const QJSValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isUndefined() || value.isNull())
        return {};
    if (value.isObject() && !value.isCallable() && !value.isDate() && !value.isRegExp())
        return QString::fromUtf8(stringify(value));
    return value.toString();
}

} // namespace jb
