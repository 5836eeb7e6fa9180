#pragma once

#include "databasequery.h"
#include "httpcall.h"
#include "pipeerror.h"
#include "piperesult.h"
#include "pipetrace.h"

#include <QJSValue>

#include <functional>
#include <optional>
#include <variant>
#include <vector>

namespace jb {

class ScriptRuntime;
struct StepDefinition;
struct StepOutcome;

// A pause before a step's outcome: a test's mock of a slow step. The step machine waits `ms` on
// its loop (the trigger's timeout still applies meanwhile), then applies what `then` gives.
struct StepPause
{
    int ms = 0;
    std::function<StepOutcome()> then;
};

// What one step did, told as the frame machine's next move. A step kind computes it from its
// settings and the scope and changes nothing of the run itself: PipeExecution applies it (records
// the trace entry, sets steps.<id> and the message, pushes frames, starts the awaited work), so a
// kind can be run, and its outcome compared, without a run around it.
struct StepOutcome
{
    enum class Move
    {
        Proceed, // done: `output` becomes steps.<id>, and the message unless `keepMessage`
        Fail, // `error` (the machine names the step), with `output` when the step has one of its own
        Respond, // done with `output`, then the run answers `answer` and ends
        Wait, // suspended until `work` comes back; the work's kind then gives the outcome (finish)
        Branch, // done with `output`, the message kept, then `branch` runs one level deeper
        Loop, // a for-each: the step's steps run once for each of the `count` elements of `items`
    };
    struct Answer
    {
        int status = 0;
        HttpHeaders headers; // Content-Type first when the step chose it
        QByteArray body;
    };
    // An http call or a database query, run off the step machine's loop; or a test's pause.
    using Work = std::variant<std::monostate, HttpCallSpec, DatabaseQuery, StepPause>;

    Move move = Move::Proceed;
    QJSValue input; // for the trace: the settings as the step read them (undefined: none yet)
    QJSValue output;
    bool keepMessage = false;
    std::optional<PipeError> error; // Fail
    QList<TraceEntry::Log> logs;
    Answer answer; // Respond
    Work work; // Wait
    const std::vector<StepDefinition> *branch = nullptr; // Branch
    QJSValue items; // Loop: an array
    int count = 0; // Loop

    static StepOutcome proceed(QJSValue output);
    // Done, but the message stays what it was (publish, log, retry, choice).
    static StepOutcome proceedKeepingMessage(QJSValue output);
    static StepOutcome failure(PipeError error, QJSValue output = QJSValue());
    // A failure of class Data: a template that does not evaluate, a setting that makes no sense.
    static StepOutcome dataFailure(const QString &code, const QString &message);
    static StepOutcome respond(QJSValue output, Answer answer);
    static StepOutcome wait(Work work);
    static StepOutcome enter(QJSValue output, const std::vector<StepDefinition> &branch);
    static StepOutcome loop(QJSValue items, int count);
    // The same outcome with the trace's input set.
    StepOutcome withInput(QJSValue value) &&;

    static QString moveName(Move move);
    // Every part that is set, one per line ("proceed", "in: ...", "out: ...", "error: ...", ...),
    // values as JSON in the order the step built them: what tests compare whole.
    QString toText(ScriptRuntime &runtime) const;
};

} // namespace jb
