#pragma once

#include "core/result.h"
#include "pipeerror.h"
#include "stepoverride.h"

#include <QJsonObject>
#include <QJsonValue>

namespace jb {

struct PipeDefinition;

// What a unit case puts in place of one step, keyed by the step's id in the suite:
//   {"answer": {"status", "headers", "body"}}  an http step: the server's answer, read by the step
//                                             as a real one (stop-on-error flags included)
//   {"output": VALUE}                          any step: done, with VALUE as steps.<id>
//   {"error": {"class", "code", "message", "status"}}  any step: fails with that error (class:
//                                             connectivity, access, data or volume)
//   {"delayMs": N}                             with one of the above: answered after N ms; alone: the
//                                             real step runs after N ms
//   {"sequence": [mock, mock, ...]}            one mock per call, in order (a step in a for-each, a
//                                             retried call); calls past the end get the last one
// The step's settings are still evaluated (its templates must hold), so the trace shows what the
// step would have sent.
struct StepMock
{
    enum class Kind
    {
        Answer,
        Output,
        Error,
        DelayOnly,
        Sequence,
    };

    QString stepId;
    Kind kind = Kind::Output;
    int status = 200; // Answer
    QJsonObject headers; // Answer: lower-case names
    QJsonValue body; // Answer; a string is sent as it is, anything else as JSON
    QJsonValue output; // Output
    PipeError error; // Error
    int delayMs = 0;
    QList<StepMock> sequence; // Sequence

    static Result<StepMock> fromJson(const QString &stepId, const QJsonValue &value);
    // Why this mock cannot stand in for a step of `pipe` (no such step, an answer for a step that
    // is not http), or an empty string.
    QString problemWith(const PipeDefinition &pipe) const;
    StepOverride toOverride() const;
};

} // namespace jb
