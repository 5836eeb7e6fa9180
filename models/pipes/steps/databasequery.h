#pragma once

#include "databaseconnection.h"
#include "pipeerror.h"

#include <QJsonArray>
#include <QVariantList>
#include <QVariantMap>

#include <optional>

namespace jb {

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

// What the query gave back, from the thread that ran it.
struct DatabaseOutcome
{
    bool select = true;
    QJsonArray rows;
    int rowsAffected = 0; // statements that are not a SELECT
    std::optional<PipeError> failure; // `step` left to the caller
};

} // namespace jb
