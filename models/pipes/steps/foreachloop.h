#pragma once

#include "pipeerror.h"

#include <QElapsedTimer>
#include <QJSValue>

#include <optional>

namespace jb {

class ScriptRuntime;
struct StepDefinition;

// The score of one for-each while it runs: which item is current, how each ended, and what the
// scope held before the loop (item, index, error), to be given back after. PipeExecution runs the
// items' steps; this only keeps count and builds the step's output.
class ForEachLoop final
{
public:
    ForEachLoop(const StepDefinition &step, int depth, QJSValue items, int count, ScriptRuntime &runtime);

    const StepDefinition &step() const { return *m_step; }
    int depth() const { return m_depth; }
    bool hasNext() const { return m_index + 1 < m_count; }
    // Moves to the next item and returns it.
    QJSValue next();
    int index() const { return m_index; }

    // The current item's steps failed (the first failure is the one kept).
    void itemFailed(const PipeError &error);
    // Its onException failed too: noted beside the item's failure.
    void handlerFailed(const PipeError &error);
    // The current item is over; `message` is what its steps left.
    void itemDone(ScriptRuntime &runtime, const QJSValue &message);
    // {total, succeeded, failed, results: [{index, success, output} | {index, success, error[,
    // handlerError]}]}
    QJSValue output(ScriptRuntime &runtime) const;

    // Set by PipeExecution around the loop and the item's onException.
    QJSValue savedItem;
    QJSValue savedIndex;
    QJSValue savedError;
    bool inHandler = false;
    qsizetype traceEntry = -1; // the loop's own trace entry, completed when it ends
    QElapsedTimer clock;

private:
    const StepDefinition *m_step;
    int m_depth;
    QJSValue m_items;
    int m_count;
    int m_index = -1;
    int m_succeeded = 0;
    int m_failed = 0;
    QJSValue m_results;
    std::optional<PipeError> m_itemError;
    std::optional<PipeError> m_handlerError;
};

} // namespace jb
