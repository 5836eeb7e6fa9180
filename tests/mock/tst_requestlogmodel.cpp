#include "printmodel.h"
#include "requestlogmodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

RequestLogEntry entry(
    const QByteArray &path, int status, qint64 latencyUs = 250, FaultKind fault = FaultKind::None)
{
    RequestLogEntry e;
    e.timeMs = QDateTime(QDate(2026, 11, 28), QTime(14, 3, 7, 125)).toMSecsSinceEpoch();
    e.method = "GET";
    e.path = path;
    e.route = u"GET /ws/{cep}/json/"_s;
    e.status = status;
    e.latencyUs = latencyUs;
    e.fault.kind = fault;
    return e;
}

} // namespace

class TestRequestLogModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ringKeepsTheLast();
    void signalsAreCoalesced();
    void modelFollowsTheLog_data();
    void modelFollowsTheLog();
    void cells_data();
    void cells();
    void clearAndDetach();
};

void TestRequestLogModel::ringKeepsTheLast()
{
    RequestLog log(4);
    for (int i = 0; i < 10; ++i)
        log.append(entry("/" + QByteArray::number(i), 200));
    QCOMPARE(log.size(), 4);
    QCOMPARE(log.totalCount(), 10u);
    QCOMPARE(log.firstSequence(), 6u);
    QCOMPARE(log.at(0).path, QByteArray("/6"));
    QCOMPARE(log.at(3).path, QByteArray("/9"));
    const QList<RequestLogEntry> since = log.entriesSince(8);
    QCOMPARE(since.size(), 2);
    QCOMPARE(since.first().sequence, 8u);
    QCOMPARE(log.entriesSince(0).size(), 4); // dropped entries are skipped
    QCOMPARE(log.entriesSince(10).size(), 0);
}

void TestRequestLogModel::signalsAreCoalesced()
{
    RequestLog log(100);
    log.setNotifyIntervalMs(20);
    QSignalSpy added(&log, &RequestLog::entriesAdded);
    for (int i = 0; i < 500; ++i)
        log.append(entry("/x", 200));
    QCOMPARE(added.count(), 0); // nothing until the event loop runs
    QVERIFY(added.wait(5000));
    QCOMPARE(added.count(), 1); // one signal for the whole burst
    log.append(entry("/y", 200));
    QVERIFY(added.wait(5000));
    QCOMPARE(added.count(), 2);
}

void TestRequestLogModel::modelFollowsTheLog_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QList<int>>("bursts"); // entries appended before each refresh
    QTest::addColumn<int>("rows");
    QTest::addColumn<QByteArray>("firstPath");
    QTest::addRow("fits") << 10 << QList<int>{3, 4} << 7 << QByteArray("/0");
    QTest::addRow("overflows the model") << 10 << QList<int>{6, 6} << 10 << QByteArray("/2");
    QTest::addRow("overflows the ring between refreshes") << 5 << QList<int>{2, 12} << 5 << QByteArray("/9");
    QTest::addRow("one by one") << 3 << QList<int>{1, 1, 1, 1, 1} << 3 << QByteArray("/2");
}

void TestRequestLogModel::modelFollowsTheLog()
{
    QFETCH(int, capacity);
    QFETCH(QList<int>, bursts);
    QFETCH(int, rows);
    QFETCH(QByteArray, firstPath);
    RequestLog log(capacity);
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLog(&log);
    int n = 0;
    for (const int burst : bursts) {
        for (int i = 0; i < burst; ++i)
            log.append(entry("/" + QByteArray::number(n++), 200));
        model.refresh();
    }
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.entry(0).path, firstPath);
    QCOMPARE(model.entry(rows - 1).path, "/" + QByteArray::number(n - 1));
    for (int r = 1; r < rows; ++r)
        QCOMPARE(model.entry(r).sequence, model.entry(r - 1).sequence + 1);
    // the log's own signal drives the model as well
    log.setNotifyIntervalMs(0);
    log.append(entry("/last", 404));
    QTRY_COMPARE(model.entry(model.rowCount() - 1).path, QByteArray("/last"));
    QCOMPARE(model.rowCount(), std::min(rows + 1, capacity));
}

void TestRequestLogModel::cells_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("latencyUs");
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<QStringList>("cells");
    const QString time = QDateTime(QDate(2026, 11, 28), QTime(14, 3, 7, 125)).toString(u"HH:mm:ss.zzz"_s);
    QTest::addRow("answered") << 200 << qint64(250) << int(FaultKind::None) << 0
                              << QStringList{time, u"GET"_s, u"/ws/01001000/json/"_s, u"200"_s, u"250 µs"_s,
                                     QString()};
    QTest::addRow("slow") << 200 << qint64(312456) << int(FaultKind::Latency) << 300
                          << QStringList{time, u"GET"_s, u"/ws/01001000/json/"_s, u"200"_s, u"312 ms"_s,
                                 u"latency 300 ms"_s};
    QTest::addRow("server error") << 503 << qint64(1500) << int(FaultKind::Http503) << 0
                                  << QStringList{time, u"GET"_s, u"/ws/01001000/json/"_s, u"503"_s,
                                         u"1.50 ms"_s, u"http-503"_s};
    QTest::addRow("reset") << 0 << qint64(90) << int(FaultKind::Reset) << 0
                           << QStringList{
                                  time, u"GET"_s, u"/ws/01001000/json/"_s, u"—"_s, u"90 µs"_s, u"reset"_s};
}

void TestRequestLogModel::cells()
{
    QFETCH(int, status);
    QFETCH(qint64, latencyUs);
    QFETCH(int, fault);
    QFETCH(int, delayMs);
    QFETCH(QStringList, cells);
    RequestLog log;
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLog(&log);
    RequestLogEntry e = entry("/ws/01001000/json/", status, latencyUs, FaultKind(fault));
    e.fault.delayMs = delayMs;
    log.append(e);
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(RequestLogModel::ColumnCount));
    QCOMPARE(test::printRow(model, 0), cells);
    QCOMPARE(model.index(0, RequestLogModel::StatusColumn).data(RequestLogModel::SortRole).toInt(), status);
    QCOMPARE(model.index(0, RequestLogModel::LatencyColumn).data(RequestLogModel::SortRole).toLongLong(),
        latencyUs);
    QCOMPARE(
        model.index(0, RequestLogModel::FaultColumn).data(RequestLogModel::FaultKindRole).toInt(), fault);
    QCOMPARE(model.headerData(RequestLogModel::PathColumn, Qt::Horizontal).toString(), u"Path"_s);
}

void TestRequestLogModel::clearAndDetach()
{
    RequestLog log;
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 3; ++i)
        log.append(entry("/before", 200));
    model.setLog(&log); // attaching shows what the log already holds
    QCOMPARE(model.rowCount(), 3);
    log.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(log.size(), 0);
    log.append(entry("/after", 200));
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entry(0).path, QByteArray("/after"));
    QCOMPARE(model.entry(0).sequence, 3u);
    model.setLog(nullptr);
    QCOMPARE(model.rowCount(), 0);
    log.append(entry("/unseen", 200));
    model.refresh();
    QCOMPARE(model.rowCount(), 0);
}

} // namespace jb

QTEST_GUILESS_MAIN(jb::TestRequestLogModel)
#include "tst_requestlogmodel.moc"
