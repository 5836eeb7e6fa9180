#include "latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace jb {

namespace {

// 3 significant digits need 2 * 10^3 distinct values per bucket: 2048, the next power of two.
constexpr int SubBucketCountMagnitude = 11;
constexpr int SubBucketHalfCountMagnitude = SubBucketCountMagnitude - 1;
constexpr std::int64_t SubBucketCount = std::int64_t(1) << SubBucketCountMagnitude;
constexpr std::int64_t SubBucketHalfCount = SubBucketCount / 2;
constexpr std::int64_t SubBucketMask = SubBucketCount - 1;

constexpr int bucketsNeeded()
{
    std::int64_t smallestUntrackable = SubBucketCount;
    int buckets = 1;
    while (smallestUntrackable <= LatencyHistogram::HighestTrackable) {
        smallestUntrackable <<= 1;
        ++buckets;
    }
    return buckets;
}

constexpr int CountsLength = (bucketsNeeded() + 1) * int(SubBucketHalfCount);

} // namespace

LatencyHistogram::LatencyHistogram()
    : m_counts(CountsLength, 0)
{ }

int LatencyHistogram::countsIndex(std::int64_t value)
{
    const auto bits = static_cast<std::uint64_t>(value | SubBucketMask);
    const int pow2Ceiling = 64 - std::countl_zero(bits);
    const int bucket = pow2Ceiling - (SubBucketHalfCountMagnitude + 1);
    const std::int64_t subBucket = value >> bucket;
    return int(
        ((std::int64_t(bucket) + 1) << SubBucketHalfCountMagnitude) + (subBucket - SubBucketHalfCount));
}

std::int64_t LatencyHistogram::highestEquivalent(int index)
{
    int bucket = (index >> SubBucketHalfCountMagnitude) - 1;
    std::int64_t subBucket = (index & (SubBucketHalfCount - 1)) + SubBucketHalfCount;
    if (bucket < 0) {
        subBucket -= SubBucketHalfCount;
        bucket = 0;
    }
    const std::int64_t lowest = subBucket << bucket;
    const std::int64_t width = std::int64_t(1) << bucket;
    return lowest + width - 1;
}

void LatencyHistogram::record(std::int64_t micros, std::int64_t count)
{
    if (count <= 0)
        return;
    if (micros < 0)
        micros = 0;
    if (micros > HighestTrackable) {
        micros = HighestTrackable;
        m_clamped += count;
    }
    m_counts[std::size_t(countsIndex(micros))] += count;
    m_min = m_total ? std::min(m_min, micros) : micros;
    m_max = m_total ? std::max(m_max, micros) : micros;
    m_total += count;
    m_sum += static_cast<long double>(micros) * count;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (!other.m_total)
        return;
    for (std::size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    m_min = m_total ? std::min(m_min, other.m_min) : other.m_min;
    m_max = m_total ? std::max(m_max, other.m_max) : other.m_max;
    m_total += other.m_total;
    m_clamped += other.m_clamped;
    m_sum += other.m_sum;
}

void LatencyHistogram::reset()
{
    *this = LatencyHistogram();
}

double LatencyHistogram::mean() const
{
    return m_total ? static_cast<double>(m_sum / m_total) : 0.0;
}

std::int64_t LatencyHistogram::valueAtPercentile(double percentile) const
{
    if (!m_total)
        return 0;
    percentile = std::clamp(percentile, 0.0, 100.0);
    // The rank, rounded up; the epsilon keeps 99.9% of 1000 at rank 999, not 1000 by float error.
    const auto rank = std::max<std::int64_t>(
        1, static_cast<std::int64_t>(std::ceil(percentile / 100.0 * double(m_total) - 1e-9)));
    std::int64_t seen = 0;
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        seen += m_counts[i];
        if (seen >= rank)
            return std::min(highestEquivalent(int(i)), m_max);
    }
    return m_max;
}

std::vector<LatencyHistogram::Bucket> LatencyHistogram::buckets() const
{
    std::vector<Bucket> out;
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        if (m_counts[i])
            out.push_back({highestEquivalent(int(i)), m_counts[i]});
    }
    return out;
}

} // namespace jb
