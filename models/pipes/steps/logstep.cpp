#include "logstep.h"

#include "pipedefinition.h"
#include "stepcontext.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// Log steps write here as well as into the trace; off unless asked for, so that a busy server
// prints nothing per request (QT_LOGGING_RULES="jb.pipes.log.debug=true").
Q_LOGGING_CATEGORY(lcPipeLog, "jb.pipes.log", QtCriticalMsg)

} // namespace

StepOutcome LogStep::run(StepContext &context, const StepDefinition &step)
{
    const QString level = step.settings.value(u"level"_s).toString(u"info"_s);
    const Result<QJSValue> message = context.setting(step, u"message"_s);
    if (!message)
        return StepOutcome::dataFailure(u"expression-error"_s, message.errorString());
    const QString text = context.runtime.toText(message.value());
    if (level == u"error" || level == u"warning")
        qCWarning(lcPipeLog).noquote() << context.pipeId << context.executionKey << text;
    else
        qCDebug(lcPipeLog).noquote() << context.pipeId << context.executionKey << text;
    QJSValue output = context.runtime.newObject();
    output.setProperty(u"level"_s, level);
    output.setProperty(u"message"_s, text);
    StepOutcome outcome = StepOutcome::proceedKeepingMessage(output).withInput(output);
    outcome.logs.append({level, text});
    return outcome;
}

} // namespace jb
