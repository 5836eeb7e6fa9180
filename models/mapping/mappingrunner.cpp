#include "mappingrunner.h"

#include "jsonscalars.h"
#include "mappingplan.h"
#include "scriptwatchdog.h"

#include <QJSEngine>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace jb {

MappingRunner::MappingRunner(
    std::shared_ptr<const MappingPlan> plan, QJsonObject environment, ScriptWatchdog *watchdog)
    : m_plan(std::move(plan))
    , m_validator(m_plan->validator())
    , m_environment(std::move(environment))
    , m_watchdog(watchdog)
{ }

MappingRunner::~MappingRunner()
{
    m_liveEngine = nullptr;
    m_functions.clear();
    m_recordValue = QJSValue();
    m_environmentValue = QJSValue();
}

void MappingRunner::interrupt()
{
    m_interrupted = true;
    if (QJSEngine *engine = m_liveEngine.load())
        engine->setInterrupted(true);
}

Status MappingRunner::ensureEngine()
{
    if (m_engine)
        return {};
    m_engine = std::make_unique<QJSEngine>();
    for (const QString &script : m_plan->scripts()) {
        const QJSValue function = m_engine->evaluate(script);
        if (function.isError())
            return Status::failure(Error::Code::Schema, u"js: "_s + function.toString());
        m_functions.append(function);
    }
    m_environmentValue = m_engine->toScriptValue(m_environment);
    m_liveEngine = m_engine.get();
    if (m_interrupted)
        m_engine->setInterrupted(true);
    return {};
}

Result<QJsonValue> MappingRunner::evaluate(int index, const QJsonValue &value)
{
    if (m_interrupted)
        return Result<QJsonValue>::failure(Error::Code::Refused, u"js: interrupted"_s);
    if (const Status ready = ensureEngine(); !ready)
        return ready.error();
    if (index < 0 || index >= m_functions.size())
        return Result<QJsonValue>::failure(Error::Code::Internal, u"js: no such script"_s);
    if (!m_recordReady) {
        m_recordValue = m_engine->toScriptValue(m_record ? *m_record : QJsonObject());
        m_recordReady = true;
    }
    const QJSValue argument
        = value.isUndefined() ? QJSValue(QJSValue::UndefinedValue) : m_engine->toScriptValue(value);
    ScriptWatchdog::Guard guard(m_watchdog, *m_engine);
    const QJSValue result = m_functions[index].call({argument, m_recordValue, m_environmentValue});
    if (const ScriptWatchdog::Trip trip = guard.end(); trip != ScriptWatchdog::Trip::None)
        return Result<QJsonValue>::failure(
            Error::Code::Timeout, u"js: "_s + ScriptWatchdog::describe(trip, m_watchdog->limits()));
    if (m_engine->isInterrupted())
        return Result<QJsonValue>::failure(Error::Code::Refused, u"js: interrupted"_s);
    if (result.isError())
        return Result<QJsonValue>::failure(Error::Code::Parse, u"js: "_s + result.toString());
    if (result.isUndefined())
        return QJsonValue(QJsonValue::Undefined);
    return QJsonValue::fromVariant(result.toVariant());
}

MappedRecord MappingRunner::map(const QJsonObject &record, Detail detail)
{
    MappedRecord out;
    m_record = &record;
    m_recordReady = false;
    QSet<QString> failed;
    for (const MappingPlan::Rule &rule : m_plan->rules()) {
        const QJsonValue input
            = rule.source.isEmpty() ? QJsonValue(QJsonValue::Undefined) : rule.source.get(record);
        QJsonValue value = input;
        std::optional<QString> error;
        if (rule.elementWise && value.isArray()) {
            QJsonArray elements = value.toArray();
            for (qsizetype i = 0; i < elements.size() && !error; ++i) {
                QJsonValue element = elements.at(i);
                for (const TransformStep &step : rule.steps) {
                    if ((error = step.apply(element, record, i, this)))
                        break;
                }
                elements.replace(i, JsonScalars::coerce(element, rule.targetType));
            }
            value = elements;
        } else {
            for (const TransformStep &step : rule.steps) {
                if ((error = step.apply(value, record, -1, this)))
                    break;
            }
            value = JsonScalars::coerce(value, rule.targetType);
        }
        if (error) {
            out.errors.append({rule.target.text(), *error});
            failed.insert(rule.target.text());
        } else if (!value.isNull()) {
            rule.target.set(out.object, value); // null means absent: the contract says if that is allowed
        }
        if (detail == Detail::Fields)
            out.fields.append({rule.target.text(), rule.source.text(), input,
                error || value.isNull() ? QJsonValue(QJsonValue::Undefined) : value,
                error.value_or(QString())});
    }
    m_record = nullptr;
    m_recordValue = QJSValue();
    for (const FieldError &invalid : m_validator.validate(out.object)) {
        // a field whose transform failed was left out: "required" would only repeat that
        if (failed.contains(invalid.field) || failed.contains(FieldPath::generalise(invalid.field)))
            continue;
        out.errors.append(invalid);
    }
    const Contract &target = m_plan->target();
    const auto rank = [&target](const FieldError &e) {
        const qsizetype index = target.indexOf(FieldPath::generalise(e.field));
        return index < 0 ? target.fields.size() : index;
    };
    std::stable_sort(out.errors.begin(), out.errors.end(),
        [&](const FieldError &a, const FieldError &b) { return rank(a) < rank(b); });
    return out;
}

} // namespace jb
