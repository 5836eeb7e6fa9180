#pragma once

#include "stepoutcome.h"

namespace jb {

struct StepContext;
struct StepDefinition;

// Runs one step by its kind, each kind in a file of its own beside this one: the thin switch that
// PipeExecution calls, and that a test calls to run a single step on a context of its own.
class StepRunner final
{
public:
    static StepOutcome run(StepContext &context, const StepDefinition &step);
};

} // namespace jb
