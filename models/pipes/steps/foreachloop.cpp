#include "foreachloop.h"

#include "scriptruntime.h"

using namespace Qt::StringLiterals;

namespace jb {

ForEachLoop::ForEachLoop(
    const StepDefinition &step, int depth, QJSValue items, int count, ScriptRuntime &runtime)
    : m_step(&step)
    , m_depth(depth)
    , m_items(std::move(items))
    , m_count(count)
    , m_results(runtime.engine().newArray())
{
    clock.start();
}

QJSValue ForEachLoop::next()
{
    ++m_index;
    m_itemError.reset();
    m_handlerError.reset();
    return m_items.property(quint32(m_index));
}

void ForEachLoop::itemFailed(const PipeError &error)
{
    if (!m_itemError)
        m_itemError = error;
}

void ForEachLoop::handlerFailed(const PipeError &error)
{
    if (!m_handlerError)
        m_handlerError = error;
}

void ForEachLoop::itemDone(ScriptRuntime &runtime, const QJSValue &message)
{
    QJSValue result = runtime.newObject();
    result.setProperty(u"index"_s, m_index);
    result.setProperty(u"success"_s, !m_itemError);
    if (m_itemError) {
        ++m_failed;
        result.setProperty(u"error"_s, runtime.toScript(m_itemError->toJson()));
        if (m_handlerError)
            result.setProperty(u"handlerError"_s, runtime.toScript(m_handlerError->toJson()));
    } else {
        ++m_succeeded;
        result.setProperty(u"output"_s, message);
    }
    m_results.setProperty(quint32(m_index), result);
}

QJSValue ForEachLoop::output(ScriptRuntime &runtime) const
{
    QJSValue output = runtime.newObject();
    output.setProperty(u"total"_s, m_count);
    output.setProperty(u"succeeded"_s, m_succeeded);
    output.setProperty(u"failed"_s, m_failed);
    output.setProperty(u"results"_s, m_results);
    return output;
}

} // namespace jb
