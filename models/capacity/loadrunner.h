#pragma once

#include "core/result.h"
#include "loadoptions.h"
#include "loadresult.h"
#include "loadtarget.h"

#include <atomic>
#include <cstdint>
#include <functional>

namespace jb {

// Once a second while a run goes: the totals so far, for a progress line or a live chart.
struct LoadProgress final
{
    int second = 0;
    std::int64_t answered = 0;
    std::int64_t failed = 0;
    std::int64_t answeredThisSecond = 0;
};

// Runs one load: options.threads threads, each a LoadWorker with its share of the connections
// and of the rate, merged into one LoadResult when they are all done. run() blocks its caller
// until the run stops by itself (duration or request count) or `cancel` turns true, so call it
// off the GUI thread (QtConcurrent::run, then whenDone); progress is called on the caller's
// thread.
class LoadRunner final
{
public:
    using ProgressCallback = std::function<void(const LoadProgress &)>;

    static Result<LoadResult> run(const LoadTarget &target, const LoadOptions &options,
        const std::atomic<bool> *cancel = nullptr, const ProgressCallback &progress = {});
};

} // namespace jb
