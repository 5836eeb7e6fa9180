// The pipes page's item models, each under QAbstractItemModelTester before any data and printed
// whole: a pipe's flow as cards (choices' branches indented, the on-exception steps after their
// heading, a run's status and duration on the step cards), one run's trace as a tree, and the
// stored events.
#include "pipeflowmodel.h"
#include "pipetracemodel.h"
#include "printmodel.h"
#include "storedeventmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QDateTime>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

TraceEntry entry(const QString &id, const QString &type, TraceEntry::Status status, qint64 durationUs)
{
    TraceEntry e;
    e.id = id;
    e.type = type;
    e.status = status;
    e.durationUs = durationUs;
    return e;
}

// title | kind | depth | id | type | summary | run status | duration (µs)
const test::ModelPrint cardCells{.extraRoles
    = {PipeFlowModel::KindRole, PipeFlowModel::DepthRole, PipeFlowModel::IdRole, PipeFlowModel::TypeRole,
        PipeFlowModel::SummaryRole, PipeFlowModel::RunStatusRole, PipeFlowModel::DurationRole}};

// The SP check, cut down: a validation, a call that may fail, a choice with both kinds of branch,
// and an on-exception step.
const char *const spCheck = R"({"id": "sp-check",
    "trigger": {"type": "rest", "method": "GET", "path": "/cep/{cep}", "timeoutMs": 5000},
    "steps": [
        {"id": "check", "type": "validate", "regex": "^[0-9]{8}$"},
        {"id": "viacep", "type": "http", "url": "{{ env.viacep.baseUrl }}/ws/{{ cep }}/json/", "failOnError": "continue"},
        {"id": "decide", "type": "choice",
         "when": [{"condition": "steps.viacep.ibge == 3550308", "steps": [{"id": "yes", "type": "respond", "body": "é São Paulo"}]}],
         "otherwise": [{"id": "no", "type": "respond", "status": 200, "body": "não é São Paulo"}]}],
    "onException": [{"id": "oops", "type": "log", "message": "failed"}]})";

const QString spCheckCards = uR"(REST trigger | 0 | 0 |  | rest | GET /cep/{cep}  ·  timeout 5000 ms |  | 
check | 1 | 0 | check | validate | regex ^[0-9]{8}$ |  | 
viacep | 1 | 0 | viacep | http | GET {{ env.viacep.baseUrl }}/ws/{{ cep }}/json/  ·  continues on error |  | 
decide | 1 | 0 | decide | choice | 2 branch(es) |  | 
when | 2 | 1 |  | when | steps.viacep.ibge == 3550308 |  | 
yes | 1 | 2 | yes | respond | 200  é São Paulo |  | 
otherwise | 2 | 1 |  | otherwise |  |  | 
no | 1 | 2 | no | respond | 200  não é São Paulo |  | 
On exception | 3 | 0 |  |  | runs when a step fails with failOnError "stop" |  | 
oops | 1 | 0 | oops | log | failed |  | )"_s;

StoredEvent storedEvent(qint64 id, const QString &name, const QString &created, const QString &status)
{
    StoredEvent e;
    e.id = id;
    e.name = name;
    e.created = created;
    e.updated = created;
    e.status = status;
    return e;
}

// The time column shows local time; the expectation is written in UTC and converted the same way.
QString localTime(const QString &isoUtc)
{
    return QDateTime::fromString(isoUtc, Qt::ISODateWithMs).toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

} // namespace

class TestPipeModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flowCards();
    void flowFollowsARun();
    void flowShowsTestCoverage();
    void flowOfAnEventPipe();
    void traceTree();
    void storedEvents();
};

void TestPipeModels::flowCards()
{
    PipeFlowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPipe(json(spCheck));
    QCOMPARE(test::printModel(model, cardCells), spCheckCards);
    // each card knows where its settings are in the pipe's JSON
    QCOMPARE(model.index(0).data(PipeFlowModel::PathRole).toStringList(), QStringList{u"trigger"_s});
    QCOMPARE(model.rowOfPath({u"steps"_s, u"2"_s, u"when"_s, u"0"_s, u"steps"_s, u"0"_s}), 5);
    QCOMPARE(model.rowOfPath({u"steps"_s, u"2"_s, u"otherwise"_s, u"0"_s}), 7);
    QCOMPARE(model.rowOfPath({u"onException"_s, u"0"_s}), 9);
    QCOMPARE(model.rowOfPath({u"steps"_s, u"9"_s}), -1);
    QCOMPARE(model.index(2).data(Qt::ToolTipRole), model.index(2).data(PipeFlowModel::SummaryRole));
    // another pipe replaces every card
    model.setPipe(json(R"({"steps": [{"id": "only", "type": "set", "value": {"a": 1}}]})"));
    QCOMPARE(test::printModel(model, cardCells), uR"(REST trigger | 0 | 0 |  | rest | GET  |  | 
only | 1 | 0 | only | set | {"a":1} |  | )"_s);
}

void TestPipeModels::flowFollowsARun()
{
    PipeFlowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPipe(json(spCheck));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    PipeTrace trace;
    trace.entries = {entry(u"check"_s, u"validate"_s, TraceEntry::Status::Ok, 120),
        entry(u"viacep"_s, u"http"_s, TraceEntry::Status::Failed, 3000),
        entry(u"decide"_s, u"choice"_s, TraceEntry::Status::Ok, 10),
        entry(u"no"_s, u"respond"_s, TraceEntry::Status::Ok, 5)};
    model.setTrace(trace);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(2).value<QList<int>>(),
        (QList<int>{PipeFlowModel::RunStatusRole, PipeFlowModel::DurationRole}));
    // statuses as int(TraceEntry::Status): 0 ok, 1 failed; the branches and steps not run show none
    QCOMPARE(test::printModel(model, cardCells),
        uR"(REST trigger | 0 | 0 |  | rest | GET /cep/{cep}  ·  timeout 5000 ms |  | 
check | 1 | 0 | check | validate | regex ^[0-9]{8}$ | 0 | 120
viacep | 1 | 0 | viacep | http | GET {{ env.viacep.baseUrl }}/ws/{{ cep }}/json/  ·  continues on error | 1 | 3000
decide | 1 | 0 | decide | choice | 2 branch(es) | 0 | 10
when | 2 | 1 |  | when | steps.viacep.ibge == 3550308 |  | 
yes | 1 | 2 | yes | respond | 200  é São Paulo |  | 
otherwise | 2 | 1 |  | otherwise |  |  | 
no | 1 | 2 | no | respond | 200  não é São Paulo | 0 | 5
On exception | 3 | 0 |  |  | runs when a step fails with failOnError "stop" |  | 
oops | 1 | 0 | oops | log | failed |  | )"_s);
    model.clearTrace();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(test::printModel(model, cardCells), spCheckCards);
}

void TestPipeModels::flowShowsTestCoverage()
{
    PipeFlowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPipe(json(spCheck));
    const test::ModelPrint covered{.columns = {0}, .extraRoles = {PipeFlowModel::CoveredRole}};
    // no coverage data: no card claims either
    QVERIFY(!model.hasCoverage());
    QCOMPARE(test::printModel(model, covered).count(u"true"_s)
            + test::printModel(model, covered).count(u"false"_s),
        0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setCoverage({u"check"_s, u"viacep"_s, u"decide"_s, u"no"_s});
    QCOMPARE(changed.size(), 1);
    // only step cards carry it: the trigger, the branches and the section do not
    QCOMPARE(test::printModel(model, covered), uR"(REST trigger | 
check | true
viacep | true
decide | true
when | 
yes | false
otherwise | 
no | true
On exception | 
oops | false)"_s);
    QVERIFY(model.index(5).data(Qt::ToolTipRole).toString().endsWith(u"\nnot covered by the unit tests"_s));
    QVERIFY(model.index(1).data(Qt::ToolTipRole).toString().endsWith(u"\ncovered by the unit tests"_s));
    model.setPipe(json(spCheck)); // the same pipe reloaded after an edit keeps what the tests ran
    QVERIFY(model.index(1).data(PipeFlowModel::CoveredRole).toBool());
    model.clearCoverage();
    QCOMPARE(changed.size(), 2);
    QVERIFY(!model.index(1).data(PipeFlowModel::CoveredRole).isValid());
    QCOMPARE(model.index(1).data(Qt::ToolTipRole).toString(), u"regex ^[0-9]{8}$"_s);
}

void TestPipeModels::flowOfAnEventPipe()
{
    PipeFlowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTrace({}); // no cards yet: nothing to change
    model.setPipe(json(R"({"trigger": {"type": "event", "event": "order.failed"},
        "steps": [{"id": "note", "type": "publish", "event": "order.noted", "failOnError": "continue"}]})"));
    QCOMPARE(
        test::printModel(model, cardCells), uR"(Event trigger | 0 | 0 |  | event | on "order.failed" |  | 
note | 1 | 0 | note | publish | event order.noted  ·  continues on error |  | )"_s);
}

void TestPipeModels::traceTree()
{
    PipeTraceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(PipeTraceModel::ColumnCount));
    QCOMPARE(model.headerData(PipeTraceModel::DurationColumn, Qt::Horizontal).toString(), u"ms"_s);

    TraceEntry check = entry(u"check"_s, u"validate"_s, TraceEntry::Status::Ok, 1500);
    check.input = QJsonObject{{u"regex"_s, u"^[0-9]{8}$"_s}};
    check.output = u"01001000"_s;
    TraceEntry viacep = entry(u"viacep"_s, u"http"_s, TraceEntry::Status::Failed, 2500);
    viacep.input = QJsonObject{{u"url"_s, u"http://127.0.0.1/ws/01001000/json/"_s}};
    viacep.output = QJsonObject{{u"uf"_s, u"SP"_s}};
    viacep.logs = {{u"warning"_s, u"slow answer"_s}};
    TraceEntry yes = entry(u"yes"_s, u"respond"_s, TraceEntry::Status::Skipped, 0);
    yes.depth = 1;
    TraceEntry oops = entry(u"oops"_s, u"log"_s, TraceEntry::Status::Ok, 250);
    oops.onException = true;
    oops.logs = {{u"error"_s, u"line one\nline two"_s}};
    PipeTrace trace;
    trace.entries = {check, viacep, yes, oops};
    model.setTrace(trace);

    // a row per step as it ran (nested steps indented in their name), its details as children
    QCOMPARE(test::printModel(model), uR"(check | validate | ok | 1.5
  input  {"regex":"^[0-9]{8}$"}
  output  01001000
viacep | http | failed | 2.5
  input  {"url":"http://127.0.0.1/ws/01001000/json/"}
  output  {"uf":"SP"}
  log warning  slow answer
  yes | respond | skipped | 0
oops  (on exception) | log | ok | 0.25
  log error  line one line two)"_s);
    QCOMPARE(model.summary(), u"check ok\nviacep failed\nyes skipped\noops ok"_s);
    const QModelIndex step = model.index(1, PipeTraceModel::StepColumn);
    QCOMPARE(step.data(PipeTraceModel::StepIdRole).toString(), u"viacep"_s);
    QCOMPARE(
        model.index(1, 0, step).data(PipeTraceModel::DetailRole).toString(), u"{\n    \"uf\": \"SP\"\n}"_s);
    QCOMPARE(model.index(2, 0).data(PipeTraceModel::StepIdRole).toString(), u"yes"_s); // not "  yes"
    // the duration is a number, for the chart that maps the column
    QCOMPARE(model.index(0, PipeTraceModel::DurationColumn).data().typeId(), QMetaType::Double);
    QCOMPARE(model.index(1, PipeTraceModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
        QColor(0xc6, 0x28, 0x28));
    QVERIFY(!model.index(2, PipeTraceModel::StatusColumn).data(Qt::ForegroundRole).isValid());

    // the next run replaces the rows
    PipeTrace next;
    next.entries = {entry(u"check"_s, u"validate"_s, TraceEntry::Status::Failed, 40)};
    model.setTrace(next);
    QCOMPARE(test::printModel(model), u"check | validate | failed | 0.04"_s);
    QCOMPARE(model.trace().entries.size(), 1);
}

void TestPipeModels::storedEvents()
{
    StoredEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    StoredEvent failed = storedEvent(7, u"pipe.error"_s, u"2026-11-28T13:03:07.125Z"_s, u"failed"_s);
    failed.pipe = u"sp-check"_s;
    failed.errorClass = u"connectivity"_s;
    failed.retriable = true;
    failed.retry = u"scheduled"_s;
    failed.payload = {{u"step"_s, u"viacep"_s}, {u"message"_s, u"connection refused"_s}};
    const StoredEvent handled
        = storedEvent(5, u"order.created"_s, u"2026-11-28T13:00:00.000Z"_s, u"handled"_s);
    const StoredEvent pending
        = storedEvent(4, u"order.created"_s, u"2026-11-28T12:59:00.000Z"_s, u"pending"_s);
    model.setEvents({failed, handled, pending});

    // an error event names its pipe and step; any other event its name
    QCOMPARE(test::printModel(model),
        localTime(u"2026-11-28T13:03:07.125Z"_s)
            + u" | sp-check | viacep | connectivity | yes | failed, re-run scheduled | connection refused\n"_s
            + localTime(u"2026-11-28T13:00:00.000Z"_s) + u" | order.created |  |  | no | handled | \n"_s
            + localTime(u"2026-11-28T12:59:00.000Z"_s) + u" | order.created |  |  | no | pending | "_s);
    QCOMPARE(model.headerData(StoredEventModel::RetriableColumn, Qt::Horizontal).toString(), u"Retriable"_s);
    QCOMPARE(model.index(1, 0).data(StoredEventModel::IdRole).toLongLong(), 5);
    QCOMPARE(model.rowOfId(4), 2);
    QCOMPARE(model.rowOfId(99), -1);
    QCOMPARE(model.eventAt(0).pipe, u"sp-check"_s);
    QCOMPARE(model.index(0, StoredEventModel::MessageColumn).data(Qt::ToolTipRole).toString(),
        u"connection refused"_s);
    QCOMPARE(model.index(0, StoredEventModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
        QColor(0xc6, 0x28, 0x28));
    QCOMPARE(model.index(1, StoredEventModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
        QColor(0x2e, 0x7d, 0x32));
    QVERIFY(!model.index(2, StoredEventModel::StatusColumn).data(Qt::ForegroundRole).isValid());

    model.setEvents({handled});
    QCOMPARE(model.rowCount(), 1);
    model.setEvents({});
    QCOMPARE(test::printModel(model), QString());
}

QTEST_GUILESS_MAIN(TestPipeModels)
#include "tst_pipemodels.moc"
