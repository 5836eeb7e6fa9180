#pragma once

#include "expectation.h"
#include "jsonpath.h"
#include "piperequest.h"
#include "stepmock.h"

#include <QJsonObject>
#include <QList>

namespace jb {

struct PipeDefinition;

// Something wrong in a suite file, at a JSON Pointer into it ("/cases/2/expect/0"), so that the
// loader can name its line and column.
struct SuiteProblem
{
    QString pointer;
    QString message;
};

// One runnable unit case: a case of the file, or one parameter row of it.
struct TestCase
{
    QString name; // "São Paulo city", or "by city [row 2]" for a row
    QString pointer; // "/cases/3"
    int row = -1; // the row's index, -1 for a case without rows
    bool isEvent = false;
    PipeRequest request;
    QList<StepMock> mocks;
    QList<Expectation> expectations;
};

// A unit test suite of phase 7: tests/<id>.json, the cases of one pipe.
//   {"id", "name", "type": "unit", "pipe", "description", "ignore": [paths],
//    "cases": [{"name", "request": {method, path, params, query, headers, body} | "event": {...},
//               "mocks": {"<step id>": StepMock}, "expect": [Expectation],
//               "rows": [{"key": value, ...}]}]}
// In a case with rows, every string "${key}" is replaced by the row's value (keeping its JSON
// type) and "${key}" inside a longer string by its text; each row is a case of its own.
struct TestSuite
{
    QString id;
    QString name;
    QString pipeId;
    QList<JsonPath> ignore;
    QList<TestCase> cases;

    // Reads what it can; each problem found is appended to `problems` (the suite is usable only
    // when none was).
    static TestSuite fromJson(const QJsonObject &object, const Expectation::ContractSchemas &contracts,
        QList<SuiteProblem> *problems);
    // What cannot run against `pipe`: a mock of a step it does not have, a request for an event pipe.
    QList<SuiteProblem> checkAgainst(const PipeDefinition &pipe) const;
    // A case's JSON with the row's values in place of its ${key} placeholders; unknown keys in
    // `missing`.
    static QJsonValue substitute(const QJsonValue &value, const QJsonObject &row, QStringList *missing);
};

} // namespace jb
