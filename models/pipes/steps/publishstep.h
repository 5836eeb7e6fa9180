#pragma once

#include "stepoutcome.h"

namespace jb {

struct StepContext;
struct StepDefinition;

// The publish step: stores an event (its body, the message by default, as an object) for the event
// pipes that listen to it; the message passes through.
class PublishStep final
{
public:
    static StepOutcome run(StepContext &context, const StepDefinition &step);
};

} // namespace jb
