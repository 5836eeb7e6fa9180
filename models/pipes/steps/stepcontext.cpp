#include "stepcontext.h"

#include "pipedefinition.h"

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace jb {

Result<QJSValue> StepContext::setting(
    const StepDefinition &step, const QString &key, const QJsonValue &fallback) const
{
    const QJsonValue value = step.settings.value(key);
    return runtime.evaluate(value.isUndefined() ? fallback : value, scope);
}

Result<QJSValue> StepContext::evaluatedSettings(const StepDefinition &step, const QStringList &keys) const
{
    QJSValue object = runtime.newObject();
    for (const QString &key : keys) {
        if (!step.settings.contains(key))
            continue;
        const Result<QJSValue> value = setting(step, key);
        if (!value)
            return value;
        object.setProperty(key, value.value());
    }
    return object;
}

Result<int> StepContext::intSetting(const StepDefinition &step, const QString &key, int fallback) const
{
    if (!step.settings.contains(key))
        return fallback;
    const Result<QJSValue> value = setting(step, key);
    if (!value)
        return value.error();
    const double number = value.value().toNumber();
    if (!std::isfinite(number) || number < 0 || number > std::numeric_limits<int>::max())
        return Result<int>::failure(Error::Code::Schema,
            u"\"%1\" must be a non-negative number, got %2"_s.arg(key, value.value().toString()));
    return int(number);
}

MappingRunner *StepContext::mappingRunner(const QString &id) const
{
    return services.mappingRunner ? services.mappingRunner(id) : nullptr;
}

std::optional<DatabaseSpec> StepContext::database(const QString &id) const
{
    return services.database ? services.database(id) : std::nullopt;
}

Result<qint64> StepContext::publish(const QString &name, const QJsonObject &payload) const
{
    if (!services.publish)
        return Result<qint64>::failure(
            Error::Code::Internal, u"no event store to publish \"%1\" to"_s.arg(name));
    return services.publish(name, payload);
}

Result<bool> StepContext::requestRetry(qint64 id, int delayMs) const
{
    if (!services.requestRetry)
        return Result<bool>::failure(
            Error::Code::Internal, u"no event store to re-run event %1 from"_s.arg(id));
    return services.requestRetry(id, delayMs);
}

} // namespace jb
