#pragma once

#include "executionorder.h"
#include "foreachloop.h"
#include "pipeerror.h"
#include "piperesult.h"
#include "scriptruntime.h"
#include "stepcontext.h"
#include "stepoutcome.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>
#include <vector>

namespace jb {

class HttpCall;
class PipeWorker;

// One run of a pipe: walks the steps as a state machine on the worker's thread, never blocking.
// What each step does is its kind's (steps/, one file per kind, chosen by StepRunner, or a test's
// StepOverride for that step id): a StepOutcome that this machine applies. Synchronous steps run
// one after another in a loop; a Wait suspends the loop until the http call answers or the database
// query (run on the global thread pool) returns. A choice pushes its branch; a for-each pushes its
// steps once per item, and a failure inside an item is the item's, not the pipe's. Ends with a
// respond, the last step, a failure or the trigger's timeout, then hands its PipeResult to the worker once.
class PipeExecution final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipeExecution)

public:
    PipeExecution(PipeWorker &worker, ExecutionOrder order, QObject *parent = nullptr);
    ~PipeExecution() override;

    const ExecutionOrder &order() const { return m_order; }
    QString key() const { return m_key; }
    void start();

private:
    struct Frame
    {
        enum class Kind
        {
            Steps, // the pipe's steps, its onException, a choice branch
            Item, // a for-each's steps for the current item
            ItemHandler, // a for-each's onException for the current item
        };
        const std::vector<StepDefinition> *steps = nullptr;
        size_t next = 0;
        int depth = 0;
        Kind kind = Kind::Steps;
    };
    struct Running
    {
        const StepDefinition *step = nullptr;
        int depth = 0;
        QElapsedTimer clock;
        QJSValue input;
        QList<TraceEntry::Log> logs;
    };

    void advance();
    void runStep(const StepDefinition &step, int depth);
    // The override for the step, when the order has one, else its kind's run.
    StepOutcome outcomeOf(const StepDefinition &step);
    void apply(StepOutcome outcome);
    // Applies what a step's synchronous part (templates, conditions, mapping scripts) gave, run
    // under the execution's deadline by `work`, unless the watchdog interrupted a script of it:
    // then the step ends as the trigger's timeout (or the memory bound) ends it.
    template <typename Work> void applyWatched(Work work)
    {
        m_runtime.watchdog().watchUntil(m_deadlineAt);
        StepOutcome outcome = work();
        if (overran())
            return;
        apply(std::move(outcome));
        // applying runs scripts too: getters, as the trace's copy of the output reads them
        if (!m_finished)
            overran();
    }
    bool overran();
    void wait(StepOutcome::Work work);
    void httpDone(const HttpOutcome &outcome);
    void databaseDone(const DatabaseOutcome &outcome);
    void enterLoop(const QJSValue &items, int count);
    void startItem();
    void endItem();
    void endLoop();
    // A failure inside a for-each item: ends that item (running its onException), true when caught.
    bool catchInLoop(const PipeError &error);

    void complete(const QJSValue &output, bool passThrough = false);
    void fail(PipeError error, QJSValue output = QJSValue());
    void record(TraceEntry::Status status, const QJSValue &output);
    void skipRemaining();
    void skipFrames(qsizetype from); // lists the unreached steps of frames `from`.. as skipped
    void enterException(const PipeError &error);
    // `inStep`: a script of the running step was interrupted, which the trace shows as failed.
    void deadline(bool inStep = false);
    void finish();
    // The last message as the answer (no respond step), its JSON made under the deadline; false
    // when a script (a getter) overran it, and the timeout answered instead.
    bool answerWithMessage();
    void respondWith(int status, const HttpHeaders &headers, QByteArray body);

    QJsonValue traceValue(const QJSValue &value);

    PipeWorker &m_worker;
    ScriptRuntime &m_runtime;
    ExecutionOrder m_order;
    QString m_key;
    ScriptRuntime::Scope m_scope;
    StepContext m_context; // over m_runtime and m_scope
    QList<Frame> m_frames;
    std::vector<ForEachLoop> m_loops; // innermost last
    Running m_running;
    QElapsedTimer m_clock;
    QTimer m_deadline; // answers when the thread is free; the watchdog when a script holds it
    QDeadlineTimer m_deadlineAt;
    QPointer<HttpCall> m_call;
    bool m_inException = false;
    bool m_finished = false;
    bool m_waiting = false;
    std::optional<PipeError> m_error;
    std::optional<PipeResult> m_response; // set by respond
    PipeTrace m_trace;
};

} // namespace jb
