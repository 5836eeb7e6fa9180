#pragma once

#include "eventstore.h"
#include "piperesult.h"

#include <QJsonObject>
#include <QStringList>

namespace jb {

// What one unit case (or one parameter row) gave. `actual` is the document its expectations
// read (see actualOf); `failures` one sentence each, with the path and both values.
struct CaseResult
{
    QString suiteId;
    QString pipeId;
    QString name;
    bool passed = false;
    QStringList failures;
    QJsonObject actual;
    QString trace; // the run's trace as text, for reports
    qint64 durationUs = 0;

    // The document a case's expectations are paths into:
    //   {"status", "headers" (lower-case names), "body" (parsed when JSON), "steps" (each step's
    //    last output), "calls" (how many times each step ran), "inputs" (each step's evaluated
    //    settings, one per call), "events" (the events published, each {"name", ...payload}),
    //    "error" (the failure nobody answered, when there is one)}
    static QJsonObject actualOf(const PipeResult &result, const QList<StoredEvent> &events);
    QJsonObject toJson() const; // for evidence: {suite, case, passed, failures, durationMs}
};

} // namespace jb
