// The latency histogram against exact nearest-rank percentiles of known samples, within its 3
// significant digits; merging per-thread histograms equals one histogram of everything.
#include "latencyhistogram.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace jb;

namespace {

using Samples = std::vector<std::int64_t>;

std::int64_t exactPercentile(Samples sorted, double percentile)
{
    std::sort(sorted.begin(), sorted.end());
    const auto rank = std::max<std::int64_t>(
        1, static_cast<std::int64_t>(std::ceil(percentile / 100.0 * double(sorted.size()) - 1e-9)));
    return sorted[std::size_t(rank - 1)];
}

Samples uniform(int n, std::int64_t lo, std::int64_t hi, unsigned seed)
{
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<std::int64_t> pick(lo, hi);
    Samples out(static_cast<std::size_t>(n));
    for (auto &value : out)
        value = pick(random);
    return out;
}

// A latency-like distribution: most requests fast, a long tail.
Samples lognormal(int n, unsigned seed)
{
    std::mt19937_64 random(seed);
    std::lognormal_distribution<double> pick(8.0, 1.2);
    Samples out(static_cast<std::size_t>(n));
    for (auto &value : out)
        value = std::int64_t(pick(random));
    return out;
}

Samples oneToN(int n)
{
    Samples out;
    for (int i = 1; i <= n; ++i)
        out.push_back(i);
    return out;
}

LatencyHistogram histogramOf(const Samples &samples)
{
    LatencyHistogram histogram;
    for (auto value : samples)
        histogram.record(value);
    return histogram;
}

} // namespace

class TestLatencyHistogram : public QObject
{
    Q_OBJECT

private slots:
    void percentiles_data()
    {
        QTest::addColumn<Samples>("samples");
        QTest::addRow("1..10000 µs") << oneToN(10000);
        QTest::addRow("one value") << Samples{777};
        QTest::addRow("exact below 2048 µs") << oneToN(2047);
        QTest::addRow("uniform 1 ms..60 s") << uniform(50000, 1000, 60'000'000, 7);
        QTest::addRow("lognormal tail") << lognormal(100000, 11);
        QTest::addRow("two modes") << [] {
            auto fast = uniform(9900, 200, 400, 3);
            auto slow = uniform(100, 1'000'000, 1'100'000, 4);
            fast.insert(fast.end(), slow.begin(), slow.end());
            return fast;
        }();
    }
    void percentiles()
    {
        QFETCH(Samples, samples);
        const auto histogram = histogramOf(samples);
        QCOMPARE(histogram.count(), std::int64_t(samples.size()));
        QCOMPARE(histogram.min(), *std::min_element(samples.begin(), samples.end()));
        QCOMPARE(histogram.max(), *std::max_element(samples.begin(), samples.end()));
        long double sum = 0;
        for (auto value : samples)
            sum += value;
        QCOMPARE(histogram.mean(), double(sum / samples.size()));
        for (double p : {0.0, 1.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0}) {
            const auto exact = exactPercentile(samples, p);
            const auto reported = histogram.valueAtPercentile(p);
            // Never below the exact value, and within 3 significant digits above it.
            const auto slack = std::int64_t(double(exact) / 1000.0);
            if (reported < exact || reported > exact + slack)
                QFAIL(qPrintable(QStringLiteral("p%1: exact %2, reported %3 (allowed up to %4)")
                                     .arg(p)
                                     .arg(exact)
                                     .arg(reported)
                                     .arg(exact + slack)));
        }
    }

    void emptyAndEdges()
    {
        LatencyHistogram histogram;
        QCOMPARE(histogram.valueAtPercentile(99), 0);
        QCOMPARE(histogram.mean(), 0.0);
        QVERIFY(histogram.buckets().empty());
        histogram.record(-5);
        histogram.record(LatencyHistogram::HighestTrackable * 2);
        QCOMPARE(histogram.count(), 2);
        QCOMPARE(histogram.clampedCount(), 1);
        QCOMPARE(histogram.min(), 0);
        QCOMPARE(histogram.max(), LatencyHistogram::HighestTrackable);
        QCOMPARE(histogram.valueAtPercentile(50), 0);
        QCOMPARE(histogram.valueAtPercentile(100), LatencyHistogram::HighestTrackable);
    }

    void bucketsAscend()
    {
        LatencyHistogram histogram;
        histogram.record(10, 3);
        histogram.record(5000, 2);
        histogram.record(5001);
        const auto buckets = histogram.buckets();
        // 10 is exact; 5000 and 5001 share a bucket of width 4 above 4096.
        QCOMPARE(int(buckets.size()), 2);
        QCOMPARE(buckets[0].upTo, 10);
        QCOMPARE(buckets[0].count, 3);
        QCOMPARE(buckets[1].upTo, 5003);
        QCOMPARE(buckets[1].count, 3);
    }

    void mergeEqualsOneHistogram()
    {
        const auto samples = lognormal(40000, 5);
        LatencyHistogram parts[4];
        for (std::size_t i = 0; i < samples.size(); ++i)
            parts[i % 4].record(samples[i]);
        LatencyHistogram merged;
        for (const auto &part : parts)
            merged.merge(part);
        const auto whole = histogramOf(samples);
        QCOMPARE(merged.count(), whole.count());
        QCOMPARE(merged.min(), whole.min());
        QCOMPARE(merged.max(), whole.max());
        QVERIFY(merged.buckets().size() == whole.buckets().size());
        for (double p : {50.0, 90.0, 99.0, 99.9})
            QCOMPARE(merged.valueAtPercentile(p), whole.valueAtPercentile(p));
        QVERIFY(merged == whole);

        LatencyHistogram empty;
        merged.merge(empty);
        QVERIFY(merged == whole);
    }
};

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
