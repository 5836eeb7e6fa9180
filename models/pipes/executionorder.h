#pragma once

#include "pipecatalog.h"
#include "piperequest.h"
#include "stepoverride.h"

#include <memory>

namespace jb {

// Everything a worker needs to run one execution. Copied into the worker's thread: it holds
// only values and the shared, immutable pipe definition and step overrides.
struct ExecutionOrder
{
    PipePointer pipe;
    PipeRequest request;
    quint64 ticket = 0; // the engine's handle to deliver the result (0: nobody waits)
    qint64 eventId = 0; // event pipes: the stored event being handled
    QString eventName;
    qint64 retryOf = 0; // a re-run of the execution that published this error event
    bool trace = true;
    std::shared_ptr<const StepOverrides> overrides; // tests: outcomes that replace steps, by step id
};

} // namespace jb
