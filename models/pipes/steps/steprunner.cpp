#include "steprunner.h"

#include "choicestep.h"
#include "databasestep.h"
#include "foreachstep.h"
#include "httpstep.h"
#include "logstep.h"
#include "mapstep.h"
#include "pipedefinition.h"
#include "publishstep.h"
#include "respondstep.h"
#include "retrystep.h"
#include "setstep.h"
#include "validatestep.h"

using namespace Qt::StringLiterals;

namespace jb {

StepOutcome StepRunner::run(StepContext &context, const StepDefinition &step)
{
    switch (step.type) {
    case StepDefinition::Type::Validate:
        return ValidateStep::run(context, step);
    case StepDefinition::Type::Set:
        return SetStep::run(context, step);
    case StepDefinition::Type::Http:
        return HttpStep::run(context, step);
    case StepDefinition::Type::Choice:
        return ChoiceStep::run(context, step);
    case StepDefinition::Type::Respond:
        return RespondStep::run(context, step);
    case StepDefinition::Type::Publish:
        return PublishStep::run(context, step);
    case StepDefinition::Type::Log:
        return LogStep::run(context, step);
    case StepDefinition::Type::Retry:
        return RetryStep::run(context, step);
    case StepDefinition::Type::Map:
        return MapStep::run(context, step);
    case StepDefinition::Type::Database:
        return DatabaseStep::run(context, step);
    case StepDefinition::Type::ForEach:
        return ForEachStep::run(context, step);
    }
    // a definition is parsed from known types only
    return StepOutcome::dataFailure(u"invalid"_s, u"a step of no known type"_s);
}

} // namespace jb
