#pragma once

#include "stepoutcome.h"

namespace jb {

struct StepContext;
struct StepDefinition;

// The log step: a line in the trace, and in the jb.pipes.log category (off unless asked for); the
// message passes through.
class LogStep final
{
public:
    static StepOutcome run(StepContext &context, const StepDefinition &step);
};

} // namespace jb
