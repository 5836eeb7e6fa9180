#pragma once

#include <cstdint>
#include <vector>

namespace jb {

// Latencies in microseconds, HDR-style: log-linear buckets that keep 3 significant digits from
// 1 µs to an hour, in a fixed ~190 KB whatever the number of samples, and mergeable, so that each
// load thread records into its own and the runner adds them up at the end (HdrHistogram's layout:
// 2048 linear sub-buckets, each power of two above the first bucket halving the resolution).
class LatencyHistogram final
{
public:
    static constexpr std::int64_t HighestTrackable = 3'600'000'000; // one hour, in µs

    LatencyHistogram();

    // Values past HighestTrackable are recorded as HighestTrackable (and counted as clamped);
    // negative values as 0.
    void record(std::int64_t micros, std::int64_t count = 1);
    void merge(const LatencyHistogram &other);
    void reset();

    std::int64_t count() const { return m_total; }
    std::int64_t clampedCount() const { return m_clamped; }
    std::int64_t min() const { return m_total ? m_min : 0; }
    std::int64_t max() const { return m_total ? m_max : 0; }
    // Exact, from the recorded values (not the buckets).
    double mean() const;

    // Nearest rank: the smallest recorded value (to the bucket's precision) with at least
    // percentile% of the samples at or below it; 0 when empty. The answer is the highest value
    // equivalent to that bucket, so it is never below the exact percentile and at most 0.1% above.
    std::int64_t valueAtPercentile(double percentile) const;

    // The non-empty buckets as (highest equivalent value, count), ascending: the distribution chart.
    struct Bucket
    {
        std::int64_t upTo = 0;
        std::int64_t count = 0;
    };
    std::vector<Bucket> buckets() const;

    bool operator==(const LatencyHistogram &other) const = default;

private:
    static int countsIndex(std::int64_t value);
    static std::int64_t highestEquivalent(int index);

    std::vector<std::int64_t> m_counts;
    std::int64_t m_total = 0;
    std::int64_t m_clamped = 0;
    std::int64_t m_min = 0;
    std::int64_t m_max = 0;
    // Sum of the recorded values, for an exact mean (a long double keeps µs exact past 10^15).
    long double m_sum = 0;
};

} // namespace jb
