#pragma once

#include "stepoutcome.h"

#include <QHash>
#include <QString>

#include <functional>

namespace jb {

struct StepContext;
struct StepDefinition;

// A test's stand-in for a step: PipeExecution looks the running step's id up in its order's
// overrides (ExecutionOrder::overrides) before it runs the step's kind, and applies the override's
// outcome instead, through the same frame machine (trace, failOnError, onException, respond).
// An override is called on the worker's thread with the context the kind would get, so it builds
// its values with context.runtime and may read the scope; it must not touch objects of the test's
// thread without care. To mock an http step without a network, return
// HttpStep::finish(context, an HttpOutcome of your own) (or StepOutcome::proceed / failure);
// to spy, call StepRunner::run(context, step) and return what it gives.
using StepOverride = std::function<StepOutcome(StepContext &context, const StepDefinition &step)>;
using StepOverrides = QHash<QString, StepOverride>; // by step id
} // namespace jb
