#pragma once

#include "core/result.h"
#include "databasequery.h"
#include "stepoutcome.h"

#include <QJSValue>

namespace jb {

class ScriptRuntime;
struct StepContext;
struct StepDefinition;

// The database step: its evaluated settings into a DatabaseQuery that the frame machine runs off
// its thread, the query run on a connection of its own, and the outcome into the step output
// ({rows: [...]} or {rowsAffected}).
class DatabaseStep final
{
public:
    // Evaluates the settings and looks the database up: a Wait for the query, or a failure.
    static StepOutcome run(StepContext &context, const StepDefinition &step);
    // The step's outcome once the query came back.
    static StepOutcome finish(StepContext &context, const DatabaseOutcome &outcome);
    // The keys of a database step that are evaluated as templates.
    static const QStringList &settingKeys();
    static Result<DatabaseQuery> query(
        ScriptRuntime &runtime, const QJSValue &settings, DatabaseSpec database);
    // Blocking, on any thread: opens a connection under a name of its own, runs the query, then
    // closes and removes the connection there, as QtSql requires (a connection belongs to the
    // thread that made it).
    static DatabaseOutcome execute(const DatabaseQuery &query);
    static QJSValue output(ScriptRuntime &runtime, const DatabaseOutcome &outcome);
};

} // namespace jb
