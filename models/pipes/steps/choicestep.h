#pragma once

#include "stepoutcome.h"

namespace jb {

struct StepContext;
struct StepDefinition;

// The choice step: the first "when" whose condition holds picks its branch, else "otherwise"; the
// output names the branch ({branch: index | "otherwise" | null}) and the message passes through.
class ChoiceStep final
{
public:
    static StepOutcome run(StepContext &context, const StepDefinition &step);
};

} // namespace jb
