#pragma once

#include "core/result.h"
#include "databaseconnection.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace jb {

class MappingRunner;

// What the step kinds ask of the world besides the scope: in a run, the worker's mappings,
// databases and event store; in a test, whatever the test case puts here. A service left empty
// answers as a project without that thing does (see StepContext).
struct StepServices
{
    // This thread's runner for mapping `id`, or null when the project has none.
    std::function<MappingRunner *(const QString &id)> mappingRunner;
    // The project's database `id`, its password filled in from the environment's secret.
    std::function<std::optional<DatabaseSpec>(const QString &id)> database;
    // Stores event `name` (and announces it to the event pipes); its id.
    std::function<Result<qint64>(const QString &name, const QJsonObject &payload)> publish;
    // Claims the one automatic re-run of error event `eventId`: false when it was claimed before.
    std::function<Result<bool>(qint64 eventId, int delayMs)> requestRetry;
};

} // namespace jb
