#pragma once

#include "core/result.h"
#include "databaseconnection.h"
#include "pipeerror.h"

#include <QJSValue>
#include <QJsonArray>
#include <QVariantList>
#include <QVariantMap>

#include <optional>

namespace jb {

class ScriptRuntime;

// What a database step asks for, its templates evaluated: plain values, so that it can be handed
// to another thread.
struct DatabaseQuery
{
    static constexpr int defaultMaxRows = 10000;

    DatabaseSpec database; // the password filled in from the environment's secret
    QString sql;
    QVariantList positional; // "params" as an array: bound to the ? placeholders in order
    QVariantMap named; // "params" as an object: bound to :name placeholders
    int maxRows = defaultMaxRows;
    bool write = false; // SQLite opens read-only unless asked
};

struct DatabaseOutcome
{
    bool select = true;
    QJsonArray rows;
    int rowsAffected = 0; // statements that are not a SELECT
    std::optional<PipeError> failure; // `step` left to the caller
};

// The database step's three parts: its evaluated settings into a DatabaseQuery, the query run on
// a connection of its own, and the outcome into the step output ({rows: [...]} or {rowsAffected}).
class DatabaseStep final
{
public:
    // The keys of a database step that are evaluated as templates.
    static const QStringList &settingKeys();
    static Result<DatabaseQuery> query(
        ScriptRuntime &runtime, const QJSValue &settings, DatabaseSpec database);
    // Blocking, on any thread: opens a connection under a name of its own, runs the query, then
    // closes and removes the connection there, as QtSql requires (a connection belongs to the
    // thread that made it).
    static DatabaseOutcome run(const DatabaseQuery &query);
    static QJSValue output(ScriptRuntime &runtime, const DatabaseOutcome &outcome);
};

} // namespace jb
