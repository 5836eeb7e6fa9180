#pragma once

#include "stepoutcome.h"

namespace jb {

struct StepContext;
struct StepDefinition;

// The for-each step: its "items" must be an array; the frame machine then runs the step's steps once
// per element, keeping score in a ForEachLoop.
class ForEachStep final
{
public:
    static StepOutcome run(StepContext &context, const StepDefinition &step);
};

} // namespace jb
