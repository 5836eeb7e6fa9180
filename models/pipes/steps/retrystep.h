#pragma once

#include "stepoutcome.h"

namespace jb {

struct StepContext;
struct StepDefinition;

// The retry step, for error-treatment pipes: asks for the one automatic re-run of the execution that
// published the error event being handled, after "delayMs", when the error is retriable.
class RetryStep final
{
public:
    static StepOutcome run(StepContext &context, const StepDefinition &step);
};

} // namespace jb
