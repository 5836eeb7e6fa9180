// ProbeRunner against real targets: the concurrency bound holds, the per-probe timeout counts from
// when a probe starts (not from when it was queued), cancel ends a run quickly with every probe
// accounted for, a new start drops the stale run, signals arrive once per probe.
#include "proberunner.h"
#include "probetesthelpers.h"

#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

// Probes to the address that drops packets: TCP ones (which the runner's sweep connects), HTTP ones
// (which run on its pool), or both by turns.
QList<ProbeSpec> dropped(
    const TestServices &services, int count, int timeoutMs, const QString &kinds = u"tcp"_s)
{
    QList<ProbeSpec> probes;
    for (int i = 0; i < count; ++i) {
        const bool http = kinds == u"http" || (kinds == u"both" && i % 2 == 1);
        ProbeSpec spec = specFrom(services,
            (http ? u"{'type':'http','url':'http://${DROP_ADDR}:%1/','timeoutMs':%2}"_s
                  : u"{'type':'tcp','host':'${DROP_ADDR}','port':%1,'timeoutMs':%2}"_s)
                .arg(1000 + i)
                .arg(timeoutMs));
        spec.id = u"drop-%1"_s.arg(i);
        probes.append(spec);
    }
    return probes;
}

} // namespace

class TestProbeRunner final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServices> m_services;
    ProbeContext m_context;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_services = std::make_unique<TestServices>(QStringList{u"http"_s, u"netns"_s});
        QVERIFY2(m_services->ok(), qPrintable(m_services->error()));
    }

    void cleanupTestCase() { m_services.reset(); }

    void concurrencyBound_data()
    {
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<int>("probes");
        QTest::addColumn<QString>("kinds");
        QTest::addRow("2 at a time, swept") << 2 << 6 << u"tcp"_s;
        QTest::addRow("5 at a time, swept") << 5 << 10 << u"tcp"_s;
        QTest::addRow("2 at a time, on the pool") << 2 << 6 << u"http"_s;
        // the sweep and the pool share one budget: together still 3 at a time
        QTest::addRow("3 at a time, both") << 3 << 9 << u"both"_s;
    }
    void concurrencyBound()
    {
        QFETCH(int, concurrency);
        QFETCH(int, probes);
        QFETCH(QString, kinds);
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const int timeoutMs = 600;
        ProbeRunner runner(m_context);
        runner.setConcurrency(concurrency);
        QCOMPARE(runner.concurrency(), concurrency);
        QSignalSpy finished(&runner, &ProbeRunner::finished);
        QElapsedTimer clock;
        clock.start();
        runner.start(dropped(*m_services, probes, timeoutMs, kinds), u"test"_s);
        QVERIFY(finished.wait(30000));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(runner.peakConcurrency(), concurrency);
        // waves of `concurrency`, each one timeout long: the timeout counts from each probe's start
        const int waves = probes / concurrency;
        QVERIFY2(elapsed >= waves * timeoutMs * 0.8 && elapsed <= waves * timeoutMs * 1.2 + 500,
            qPrintable(u"%1 waves of %2 ms took %3 ms"_s.arg(waves).arg(timeoutMs).arg(elapsed)));
        const ProbeRun run = finished.constFirst().constFirst().value<ProbeRun>();
        QCOMPARE(run.results.size(), probes);
        QCOMPARE(run.count(ProbeStatus::Fail), probes);
    }

    void signalsAndOrder()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        QList<ProbeSpec> probes;
        for (const QString &json : {u"{'id':'open','type':'tcp','host':'127.0.0.1','port':${HTTP_PORT}}"_s,
                 u"{'id':'closed','type':'tcp','host':'127.0.0.1','port':${CLOSED_PORT}}"_s,
                 u"{'id':'off','type':'tcp','host':'127.0.0.1','port':${HTTP_PORT},'enabled':false}"_s,
                 u"{'id':'http','type':'http','url':'http://127.0.0.1:${HTTP_PORT}/'}"_s})
            probes.append(specFrom(*m_services, json));
        ProbeRunner runner(m_context);
        QSignalSpy started(&runner, &ProbeRunner::started);
        QSignalSpy probeStarted(&runner, &ProbeRunner::probeStarted);
        QSignalSpy probeFinished(&runner, &ProbeRunner::probeFinished);
        QSignalSpy progress(&runner, &ProbeRunner::progress);
        QSignalSpy finished(&runner, &ProbeRunner::finished);
        runner.start(probes, u"test"_s);
        QVERIFY(runner.isRunning());
        QVERIFY(finished.wait(10000));
        QVERIFY(!runner.isRunning());
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.constFirst().constFirst().toInt(), 4);
        QCOMPARE(probeStarted.size(), 3); // the disabled probe never starts
        QCOMPARE(probeFinished.size(), 4);
        QCOMPARE(progress.size(), 4);
        QCOMPARE(progress.constLast(), (QVariantList{4, 4}));
        QCOMPARE(finished.size(), 1);
        const ProbeRun run = runner.lastRun();
        QStringList printed;
        for (const ProbeResult &r : run.results)
            printed.append(r.probeId + u' ' + ProbeResult::statusKey(r.status));
        QCOMPARE(printed, (QStringList{u"open pass"_s, u"closed fail"_s, u"off skipped"_s, u"http pass"_s}));
        QCOMPARE(run.environment, u"test"_s);
        QVERIFY(run.startedAt <= run.finishedAt);
        QVERIFY(run.toolVersion.startsWith(u"journeybench "_s));
        QVERIFY(!run.cancelled);
        QCOMPARE(run.results.at(2).summary, u"disabled"_s);
    }

    void emptyRun()
    {
        ProbeRunner runner(m_context);
        QSignalSpy finished(&runner, &ProbeRunner::finished);
        runner.start({}, u"test"_s);
        QCOMPARE(finished.size(), 1);
        QVERIFY(runner.lastRun().results.isEmpty());
    }

    void cancel_data()
    {
        QTest::addColumn<QString>("kinds");
        QTest::addRow("swept") << u"tcp"_s;
        QTest::addRow("on the pool") << u"http"_s;
        QTest::addRow("both") << u"both"_s;
    }
    void cancel()
    {
        QFETCH(QString, kinds);
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        ProbeRunner runner(m_context);
        runner.setConcurrency(2);
        QSignalSpy finished(&runner, &ProbeRunner::finished);
        QSignalSpy probeStarted(&runner, &ProbeRunner::probeStarted);
        runner.start(dropped(*m_services, 10, 5000, kinds), u"test"_s);
        // cancel once the concurrency bound is full, two probes under way; which two depends on
        // whether the sweep or the pool takes the budget first, so the rows are checked against
        // the probes that did start, not by position
        QTRY_VERIFY_WITH_TIMEOUT(probeStarted.size() >= 2, 2000);
        // the probes under way when the run is cancelled; the queued ones that start after it
        // see the cancel at once and report that they never started
        QSet<QString> started;
        for (const QList<QVariant> &arguments : std::as_const(probeStarted))
            started.insert(arguments.constFirst().toString());
        QCOMPARE(started.size(), 2);
        QElapsedTimer clock;
        clock.start();
        runner.cancel();
        QVERIFY(finished.wait(5000));
        QVERIFY2(clock.elapsed() < 1200, qPrintable(u"cancel took %1 ms"_s.arg(clock.elapsed())));
        const ProbeRun run = runner.lastRun();
        QVERIFY(run.cancelled);
        QCOMPARE(run.results.size(), 10);
        QCOMPARE(run.count(ProbeStatus::Skipped), 10);
        // a probe under way says it was cancelled; one still queued says it never started. A swept
        // probe's start is reported with its round, so one may have started unseen: it may say
        // either, but the queue behind the bound of two is never empty here.
        qsizetype neverStarted = 0;
        for (const ProbeResult &result : run.results) {
            if (started.contains(result.probeId)) {
                QCOMPARE(result.summary, u"cancelled"_s);
            } else {
                QVERIFY2(result.summary == u"cancelled" || result.summary == u"cancelled before it started",
                    qPrintable(result.probeId + u": "_s + result.summary));
                neverStarted += result.summary == u"cancelled before it started";
            }
        }
        QVERIFY(neverStarted >= 1);
    }

    void restartDropsTheStaleRun()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        ProbeRunner runner(m_context);
        QSignalSpy finished(&runner, &ProbeRunner::finished);
        QSignalSpy probeFinished(&runner, &ProbeRunner::probeFinished);
        runner.start(dropped(*m_services, 3, 5000), u"first"_s);
        const ProbeSpec fresh
            = specFrom(*m_services, u"{'id':'fresh','type':'tcp','host':'127.0.0.1','port':${HTTP_PORT}}"_s);
        runner.start({fresh}, u"second"_s);
        QVERIFY(finished.wait(10000));
        QTest::qWait(200); // any late result of the first run would arrive now
        QCOMPARE(finished.size(), 1);
        const ProbeRun run = finished.constFirst().constFirst().value<ProbeRun>();
        QCOMPARE(run.environment, u"second"_s);
        QCOMPARE(run.results.size(), 1);
        QCOMPARE(run.results.constFirst().probeId, u"fresh"_s);
        QCOMPARE(probeFinished.size(), 1);
    }

    void destroyWhileRunning()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        QElapsedTimer clock;
        clock.start();
        {
            ProbeRunner runner(m_context);
            runner.start(dropped(*m_services, 4, 5000), u"test"_s);
            QTest::qWait(100);
        } // cancels and waits for its workers
        QVERIFY2(clock.elapsed() < 1500, qPrintable(u"destruction took until %1 ms"_s.arg(clock.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestProbeRunner)
#include "tst_proberunner.moc"
