#pragma once

#include "stepoutcome.h"

namespace jb {

struct StepContext;
struct StepDefinition;

// The validate step: its value (the message by default) against a regex or a JSON Schema. A value
// that does not match fails the step with a data error, worded by "message" when the step has one.
class ValidateStep final
{
public:
    static StepOutcome run(StepContext &context, const StepDefinition &step);
};

} // namespace jb
