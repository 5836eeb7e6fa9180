// The load runner against servers the suite starts on OS-chosen loopback ports: the open model
// keeps its rate, sees a stalling server's pause in its p99 where the closed model hides it, and
// stops by itself; errors by kind; targets and options refused with clear messages.
#include "loadrunner.h"
#include "stallingserver.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

LoadTarget targetOf(const test::StallingServer &server)
{
    auto target = LoadTarget::fromUrl(u"http://127.0.0.1:%1/ws/01001000/json/"_s.arg(server.port()), false);
    if (!target)
        qFatal("%s", qPrintable(target.errorString()));
    return target.value();
}

LoadOptions openModel(double rate, int durationMs, int connections = 20)
{
    LoadOptions options;
    options.model = LoadOptions::Model::Open;
    options.rate = rate;
    options.durationMs = durationMs;
    options.connections = connections;
    return options;
}

LoadOptions closedModel(int connections, int durationMs)
{
    LoadOptions options;
    options.connections = connections;
    options.durationMs = durationMs;
    return options;
}

} // namespace

class TestLoadRunner : public QObject
{
    Q_OBJECT

private slots:
    void openModelKeepsItsRate()
    {
        test::StallingServer server;
        auto options = openModel(2000, 3000);
        options.threads = 2;
        std::vector<LoadProgress> progress;
        const auto result = LoadRunner::run(
            targetOf(server), options, nullptr, [&](const LoadProgress &p) { progress.push_back(p); });
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        const auto &run = result.value();
        QCOMPARE(run.errors.total(), 0);
        QCOMPARE(run.succeeded, run.answered);
        QCOMPARE(run.notSent, 0);
        QVERIFY2(qAbs(run.requestsPerSecond() - 2000) <= 40,
            qPrintable(u"%1 requests/s, wanted 2000 ± 2%"_s.arg(run.requestsPerSecond())));
        QCOMPARE(run.latency.count(), run.answered);
        QCOMPARE(long(run.answered), server.requests());
        QVERIFY(run.bytesRead > run.answered * 100);
        QVERIFY(run.bytesWritten > run.answered * 50);
        // one progress line per second of the run, totals rising
        QVERIFY2(progress.size() >= 2 && progress.size() <= 4, qPrintable(QString::number(progress.size())));
        QVERIFY(progress.back().answered > progress.front().answered);
    }

    void rampReachesItsEndRate()
    {
        test::StallingServer server;
        auto options = openModel(500, 2000);
        options.rampTo = 1500;
        const auto result = LoadRunner::run(targetOf(server), options);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        // the mean of a linear ramp from 500 to 1500 requests/s over 2 s: 2000 requests
        QVERIFY2(
            qAbs(result.value().answered - 2000) <= 40, qPrintable(QString::number(result.value().answered)));
    }

    // Against a server that pauses 1 s, the open model's p99 shows the pause (the requests due
    // during it waited), the closed model's does not (its connections simply waited too, and
    // sent nothing meanwhile) even though its max saw it.
    void stallShowsInOpenModelOnly()
    {
        LoadResult open;
        LoadResult closed;
        {
            test::StallingServer server(3000, 1000);
            const auto result = LoadRunner::run(targetOf(server), openModel(500, 4000));
            QVERIFY2(result.ok(), qPrintable(result.errorString()));
            open = result.value();
        }
        {
            test::StallingServer server(3000, 1000);
            const auto result = LoadRunner::run(targetOf(server), closedModel(2, 4000));
            QVERIFY2(result.ok(), qPrintable(result.errorString()));
            closed = result.value();
        }
        const auto ms = [](std::int64_t micros) { return double(micros) / 1000.0; };
        const QString report
            = u"open p99 %1 ms max %2 ms (%3 requests); closed p99 %4 ms max %5 ms (%6 requests)"_s
                  .arg(ms(open.latency.valueAtPercentile(99)))
                  .arg(ms(open.latency.max()))
                  .arg(open.answered)
                  .arg(ms(closed.latency.valueAtPercentile(99)))
                  .arg(ms(closed.latency.max()))
                  .arg(closed.answered);
        qInfo().noquote() << report;
        QVERIFY2(open.latency.valueAtPercentile(99) >= 800'000, qPrintable(report));
        QVERIFY2(closed.latency.max() >= 900'000, qPrintable(report));
        QVERIFY2(closed.answered >= 1000, qPrintable(report));
        QVERIFY2(closed.latency.valueAtPercentile(99) < 100'000, qPrintable(report));
        QCOMPARE(open.errors.total(), 0);
        QCOMPARE(closed.errors.total(), 0);
    }

    void requestCountStopsTheRun()
    {
        test::StallingServer server;
        auto options = closedModel(4, 30'000);
        options.threads = 2;
        options.maxRequests = 500;
        QElapsedTimer timer;
        timer.start();
        const auto result = LoadRunner::run(targetOf(server), options);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(result.value().answered, 500);
        QCOMPARE(server.requests(), 500);
        QVERIFY(timer.elapsed() < 10'000);
        QVERIFY(result.value().elapsedSeconds < 10);
    }

    void cancelStopsTheRun()
    {
        test::StallingServer server;
        std::atomic<bool> cancel{false};
        QElapsedTimer timer;
        timer.start();
        const auto result = LoadRunner::run(
            targetOf(server), closedModel(2, 30'000), &cancel, [&](const LoadProgress &) { cancel = true; });
        QVERIFY(result.ok());
        QVERIFY(timer.elapsed() < 5'000);
        QVERIFY(result.value().answered > 0);
    }

    void errorsByKind()
    {
        {
            test::StallingServer server(0, 0, 503);
            const auto result = LoadRunner::run(targetOf(server), closedModel(1, 500));
            QVERIFY(result.ok());
            QVERIFY(result.value().errors.status5xx > 0);
            QCOMPARE(result.value().errors.status5xx, result.value().answered);
            QCOMPARE(result.value().succeeded, 0);
        }
        {
            test::StallingServer server(0, 0, 404);
            const auto result = LoadRunner::run(targetOf(server), closedModel(1, 300));
            QVERIFY(result.ok());
            QCOMPARE(result.value().errors.status4xx, result.value().answered);
        }
        {
            // a port nobody listens on: bound and closed again
            int port = 0;
            {
                test::StallingServer gone;
                port = gone.port();
            }
            const auto target = LoadTarget::fromUrl(u"http://127.0.0.1:%1/"_s.arg(port), false);
            QVERIFY(target.ok());
            const auto result = LoadRunner::run(target.value(), closedModel(1, 300));
            QVERIFY(result.ok());
            QVERIFY(result.value().errors.refused > 0);
            QCOMPARE(result.value().answered, 0);
        }
        {
            // answers after 1 s, past the 200 ms timeout
            test::StallingServer server(2, 1000);
            auto options = closedModel(1, 700);
            options.timeoutMs = 200;
            const auto result = LoadRunner::run(targetOf(server), options);
            QVERIFY(result.ok());
            QVERIFY(result.value().errors.timeout > 0);
        }
    }

    void badTargets_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowRemote");
        QTest::addColumn<QString>("error");
        QTest::addRow("not a URL") << u"::"_s << false << u"not a URL: \"::\""_s;
        QTest::addRow("https")
            << u"https://127.0.0.1/"_s << false
            << u"the load runner speaks plain HTTP/1.1 only; \"https://127.0.0.1/\" is https"_s;
        QTest::addRow("remote without the flag")
            << u"http://192.0.2.10:8080/"_s << false
            << u"192.0.2.10 is not on loopback: a load run against another machine needs the explicit allow flag (--allow-remote)"_s;
    }
    void badTargets()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowRemote);
        QFETCH(QString, error);
        const auto target = LoadTarget::fromUrl(url, allowRemote);
        QVERIFY(!target.ok());
        QCOMPARE(target.errorString(), error);
    }

    void remoteWithTheFlag()
    {
        const auto target = LoadTarget::fromUrl(u"http://192.0.2.10:8080/a?b=1"_s, true);
        QVERIFY2(target.ok(), qPrintable(target.errorString()));
        QVERIFY(!target.value().loopback);
        QCOMPARE(target.value().port, 8080);
        QCOMPARE(target.value().path, std::string("/a?b=1"));
    }

    void badOptions_data()
    {
        QTest::addColumn<LoadOptions>("options");
        QTest::addColumn<QString>("error");
        auto noThreads = closedModel(1, 1000);
        noThreads.threads = 0;
        QTest::addRow("no threads") << noThreads << u"threads must be 1..256, not 0"_s;
        auto fewConnections = closedModel(2, 1000);
        fewConnections.threads = 4;
        QTest::addRow("fewer connections than threads")
            << fewConnections
            << u"2 connections cannot be shared by 4 threads: give each thread at least one"_s;
        QTest::addRow("no duration") << closedModel(1, 0) << u"the duration must be positive"_s;
        QTest::addRow("open without rate")
            << openModel(0, 1000) << u"the open model needs a rate above 0 requests/s"_s;
        auto closedWithRate = closedModel(1, 1000);
        closedWithRate.rate = 10;
        QTest::addRow("closed with a rate")
            << closedWithRate
            << u"a rate applies to the open model only; the closed model goes as fast as it can"_s;
        auto badMethod = closedModel(1, 1000);
        badMethod.method = "GET /x";
        QTest::addRow("bad method") << badMethod << u"not an HTTP method: \"GET /x\""_s;
    }
    void badOptions()
    {
        QFETCH(LoadOptions, options);
        QFETCH(QString, error);
        QCOMPARE(options.validate().errorString(), error);
        test::StallingServer server;
        const auto result = LoadRunner::run(targetOf(server), options);
        QVERIFY(!result.ok());
        QCOMPARE(result.errorString(), error);
        QCOMPARE(server.requests(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLoadRunner)
#include "tst_loadrunner.moc"
