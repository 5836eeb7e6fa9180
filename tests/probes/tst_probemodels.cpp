// The probe item models under QAbstractItemModelTester: the results table, the latency history a
// chart maps with QVXYModelMapper (rows = runs, column 0 = time, column 1 = latency), and the
// firewall request. Each tester is attached before any data goes in.
#include "firewallrequestmodel.h"
#include "latencyhistorymodel.h"
#include "printmodel.h"
#include "proberesultsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

ProbeSpec spec(const QString &id, ProbeType type = ProbeType::Tcp)
{
    ProbeSpec s;
    s.id = id;
    s.name = u"Probe "_s + id;
    s.type = type;
    s.host = u"127.0.0.1"_s;
    s.port = 80;
    return s;
}

ProbeResult result(const QString &id, ProbeStatus status, double latency, qint64 msecs)
{
    ProbeResult r = ProbeResult::make(status, u"summary of "_s + id, u"details of "_s + id);
    r.probeId = id;
    r.target = u"127.0.0.1:80"_s;
    r.latencyMs = latency;
    r.timestamp = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    return r;
}

EvidenceStore::Entry entry(const QString &path, const QList<ProbeResult> &results)
{
    ProbeRun run;
    run.environment = u"test"_s;
    run.results = results;
    run.startedAt = results.constFirst().timestamp;
    run.finishedAt = results.constFirst().timestamp;
    return {path, run};
}

} // namespace

class TestProbeModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultsModel()
    {
        ProbeResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ProbeSpec off = spec(u"c"_s);
        off.enabled = false;
        model.setProbes({spec(u"a"_s), spec(u"b"_s, ProbeType::Http), off});
        QCOMPARE(test::printModel(model),
            u"Not run | 127.0.0.1:80 |  | \nNot run | GET  |  | \nDisabled | 127.0.0.1:80 |  | "_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setResult(result(u"b"_s, ProbeStatus::Fail, -1, 1000));
        model.setResult(result(u"a"_s, ProbeStatus::Pass, 1.26, 2000));
        model.setResult(result(u"unknown"_s, ProbeStatus::Pass, 1, 3000)); // not in the plan: ignored
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(test::printModel(model),
            u"Passed | 127.0.0.1:80 | 1.3 ms | summary of a\n"
            "Failed | 127.0.0.1:80 |  | summary of b\n"
            "Disabled | 127.0.0.1:80 |  | "_s);
        const QModelIndex a = model.index(0, ProbeResultsModel::SummaryColumn);
        QCOMPARE(a.data(ProbeResultsModel::DetailsRole).toString(), u"details of a"_s);
        QCOMPARE(a.data(ProbeResultsModel::StatusRole).toString(), u"pass"_s);
        QCOMPARE(a.data(ProbeResultsModel::LatencyMsRole).toDouble(), 1.26);
        QVERIFY(!model.index(1, 0).data(ProbeResultsModel::LatencyMsRole).isValid());
        QCOMPARE(model.index(2, 0).data(ProbeResultsModel::EnabledRole).toBool(), false);
        QCOMPARE(model.index(1, 0).data(ProbeResultsModel::ProbeTypeRole).toString(), u"http"_s);

        ProbeResult insecure = result(u"b"_s, ProbeStatus::Pass, 3, 4000);
        insecure.insecure = true;
        model.setResult(insecure);
        QVERIFY(model.index(1, 0).data(ProbeResultsModel::InsecureRole).toBool());

        // a new plan keeps the results of the probes it still has
        model.setProbes({spec(u"z"_s), spec(u"a"_s)});
        QCOMPARE(test::printModel(model),
            u"Not run | 127.0.0.1:80 |  | \nPassed | 127.0.0.1:80 | 1.3 ms | summary of a"_s);
        model.clearResults();
        QCOMPARE(model.index(1, 0).data().toString(), u"Not run"_s);
        QCOMPARE(model.headerData(ProbeResultsModel::LatencyColumn, Qt::Horizontal).toString(), u"Latency"_s);
    }

    void latencyHistory()
    {
        LatencyHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProbeId(u"a"_s);
        QCOMPARE(model.rowCount(), 0);
        // rows = runs with a measured latency, oldest first, whatever order the files came in
        model.setHistory({entry(u"2.json"_s, {result(u"a"_s, ProbeStatus::Pass, 2.5, 2000)}),
            entry(u"1.json"_s,
                {result(u"a"_s, ProbeStatus::Pass, 1.5, 1000), result(u"b"_s, ProbeStatus::Pass, 9, 1000)}),
            entry(u"3.json"_s, {result(u"a"_s, ProbeStatus::Fail, -1, 3000)})});
        QCOMPARE(test::printModel(model), u"1000 | 1.5\n2000 | 2.5"_s);
        QCOMPARE(model.columnCount(), 2);
        // numbers, as QVXYModelMapper reads them
        QCOMPARE(model.index(1, LatencyHistoryModel::TimeColumn).data().typeId(), QMetaType::Double);
        QCOMPARE(model.index(1, LatencyHistoryModel::LatencyColumn).data().toDouble(), 2.5);
        QCOMPARE(model.index(0, 0).data(LatencyHistoryModel::TimestampRole).toDateTime(),
            QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append(result(u"a"_s, ProbeStatus::Pass, 4, 5000));
        model.append(result(u"b"_s, ProbeStatus::Pass, 4, 5000)); // another probe
        model.append(result(u"a"_s, ProbeStatus::Fail, -1, 6000)); // nothing measured
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(test::printModel(model), u"1000 | 1.5\n2000 | 2.5\n5000 | 4"_s);

        model.setProbeId(u"b"_s); // the same evidence, another probe
        QCOMPARE(test::printModel(model), u"1000 | 9"_s);
    }

    void latencyHistoryIsBounded()
    {
        LatencyHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProbeId(u"a"_s);
        for (int i = 0; i < LatencyHistoryModel::maxRows + 5; ++i)
            model.append(result(u"a"_s, ProbeStatus::Pass, i, 1000 + i));
        QCOMPARE(model.rowCount(), LatencyHistoryModel::maxRows);
        QCOMPARE(model.index(0, 1).data().toDouble(), 5.0); // the oldest went first
    }

    void firewallModel()
    {
        FirewallRequestModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        FirewallRow row;
        row.source = u"10.0.0.0/24"_s;
        row.destination = u"172.16.0.5"_s;
        row.hostname = u"db.example"_s;
        row.port = 5432;
        row.protocol = u"tcp"_s;
        row.service = u"postgresql"_s;
        row.purpose = u"Customers"_s;
        row.status = u"open"_s;
        row.server = u"db"_s;
        FirewallRow second = row;
        second.port = 22;
        second.status = u"filtered"_s;
        model.setRows({row, second});
        QCOMPARE(test::printModel(model),
            u"10.0.0.0/24 | 172.16.0.5 | db.example | 5432 | tcp | postgresql | Customers | open |  | db\n"
            "10.0.0.0/24 | 172.16.0.5 | db.example | 22 | tcp | postgresql | Customers | filtered |  | db"_s);
        QCOMPARE(model.index(1, 0).data(FirewallRequestModel::StatusRole).toString(), u"filtered"_s);
        QCOMPARE(
            model.headerData(FirewallRequestModel::StatusColumn, Qt::Horizontal).toString(), u"Status"_s);
        QVERIFY(model.toCsv().startsWith("source,destination,hostname,port,"));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProbeModels)
#include "tst_probemodels.moc"
