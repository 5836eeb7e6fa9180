#pragma once

#include "core/result.h"
#include "scriptwatchdog.h"
#include "templatetext.h"

#include <QHash>
#include <QJSEngine>
#include <QJSValue>
#include <QJsonValue>

namespace jb {

class PipeEnvironment;

// One JavaScript engine and what is compiled in it: every expression becomes, once, a function
// of the context (request, steps, message, env, secrets, event, error, execution, item, index), and
// each run only calls it. A worker thread owns one; a QJSEngine must stay on the thread that made
// it. Every evaluation runs under the runtime's watchdog: past its deadline or its memory bound the
// evaluation fails ("interrupted") and the watchdog's takeTrip() says why.
class ScriptRuntime final
{
public:
    // What templates and conditions see. Unset members are `undefined`.
    struct Scope
    {
        QJSValue request;
        QJSValue steps;
        QJSValue message;
        QJSValue event;
        QJSValue error;
        QJSValue execution;
        QJSValue item; // inside a for-each: the current element
        QJSValue index; // inside a for-each: its position, from 0
    };

    explicit ScriptRuntime(const PipeEnvironment &environment, ScriptWatchdog::Limits limits = {});
    Q_DISABLE_COPY_MOVE(ScriptRuntime)

    QJSEngine &engine() { return m_engine; }
    // This thread's watchdog: an execution sets its deadline before running steps; the mapping
    // runners of the thread share it.
    ScriptWatchdog &watchdog() { return m_watchdog; }

    // Compiles `expression` (cached); the syntax error when it does not compile.
    Status compile(const QString &expression);
    Result<QJSValue> evaluateExpression(const QString &expression, const Scope &scope);
    // JavaScript truthiness of the expression.
    Result<bool> condition(const QString &expression, const Scope &scope);
    // A setting: strings with {{ }} are evaluated (a lone expression keeps its type), objects and
    // arrays recursively, anything else as it is.
    Result<QJSValue> evaluate(const QJsonValue &setting, const Scope &scope);

    QJSValue toScript(const QJsonValue &value);
    // null for undefined, functions and other values JSON cannot hold.
    QJsonValue toJson(const QJSValue &value);
    // JSON.stringify: keeps the key order the JavaScript objects were built in.
    QByteArray stringify(const QJSValue &value);
    Result<QJSValue> parseJson(const QByteArray &bytes);
    // How a value reads inside an interpolated string: text as it is, null and undefined as
    // nothing, objects and arrays as JSON.
    QString toText(const QJSValue &value);
    QJSValue newObject() { return m_engine.newObject(); }

private:
    QJSValue call(const QJSValue &function, const Scope &scope, ScriptWatchdog::Trip &trip);
    Result<QJSValue> evaluateText(const QString &text, const Scope &scope);
    QJSValue frozenObject(const QJSValue &value);

    ScriptWatchdog m_watchdog; // first: it outlives the engine it may interrupt
    QJSEngine m_engine;
    QHash<QString, QJSValue> m_functions; // expression -> compiled function
    QHash<QString, TemplateText> m_templates; // setting string -> parsed template
    QJSValue m_stringify;
    QJSValue m_parse;
    QJSValue m_freeze;
    QJSValue m_env;
    QJSValue m_secrets;
};

} // namespace jb
