#pragma once

#include "stepoutcome.h"

namespace jb {

struct StepContext;
struct StepDefinition;

// The respond step: status, headers and body (the message by default) become the answer, and the
// run ends. A text body is sent as text/plain, anything else as JSON, unless a header says otherwise.
class RespondStep final
{
public:
    static StepOutcome run(StepContext &context, const StepDefinition &step);
};

} // namespace jb
