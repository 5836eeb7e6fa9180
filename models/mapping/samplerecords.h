#pragma once

#include "contract.h"
#include "core/result.h"
#include "databaseconnection.h"

#include <QJsonObject>

namespace jb {

// Records to try a mapping on: the provider contract's example messages, its fields' examples, or
// rows read live from the provider database.
class SampleRecords final
{
public:
    // Each JSON example (an object, or every object of an array); when there is none, one record
    // made of the fields' examples; empty when the contract has neither.
    static QList<QJsonObject> fromContract(const Contract &contract);
    static QJsonObject fromFieldExamples(const Contract &contract);
    // Up to `limit` rows of `sql`. Opens and closes its own connection, so it blocks: call it on a
    // worker thread.
    static Result<QList<QJsonObject>> fromDatabase(const DatabaseSpec &spec, const QString &sql, int limit);
};

} // namespace jb
