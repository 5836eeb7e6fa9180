#include "loadrunner.h"

#include "loadworker.h"

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace jb {

Result<LoadResult> LoadRunner::run(const LoadTarget &target, const LoadOptions &options,
    const std::atomic<bool> *cancel, const ProgressCallback &progress)
{
    if (const Status valid = options.validate(); !valid)
        return valid.error();

    LoadShared shared;
    std::vector<LoadResult> results(std::size_t(options.threads));
    std::vector<std::thread> threads;
    std::atomic<int> running{options.threads};
    for (int i = 0; i < options.threads; ++i) {
        threads.emplace_back([&, i] {
            LoadWorker worker(target, options, i, shared);
            results[std::size_t(i)] = worker.run();
            running.fetch_sub(1);
        });
    }

    // The caller's thread watches: the cancel flag every 50 ms, the progress once a second.
    const auto start = std::chrono::steady_clock::now();
    int second = 0;
    std::int64_t answeredBefore = 0;
    while (running.load() > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (cancel && cancel->load())
            shared.stop = true;
        const auto elapsed = std::chrono::steady_clock::now() - start;
        if (progress && elapsed >= std::chrono::seconds(second + 1) && running.load() > 0) {
            ++second;
            const std::int64_t answered = shared.answered.load();
            progress({second, answered, shared.failed.load(), answered - answeredBefore});
            answeredBefore = answered;
        }
    }
    for (auto &thread : threads)
        thread.join();

    LoadResult total;
    for (const auto &result : results) {
        total.add(result);
        total.elapsedSeconds = std::max(total.elapsedSeconds, result.elapsedSeconds);
    }
    return total;
}

} // namespace jb
