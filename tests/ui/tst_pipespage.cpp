// Phase 6's pipe, mock and events pages under -platform offscreen, on a copy of the sample: run
// sp-check against the built-in mock and read its trace; edit a step and a saved payload, and
// undo; start and stop the mock and see a request in its log; inject a fault and see the error
// event, then re-run it.
#include "documenteditor.h"
#include "eventspage.h"
#include "faultrulesmodel.h"
#include "mainwindow.h"
#include "mockpage.h"
#include "mockruntime.h"
#include "mockserver.h"
#include "payloadpanel.h"
#include "phasepage.h"
#include "pipeflowmodel.h"
#include "piperuntime.h"
#include "pipespage.h"
#include "pipetracemodel.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "requestlogmodel.h"
#include "stepsettingseditor.h"
#include "steptimingchart.h"
#include "storedeventmodel.h"
#include "testfolder.h"
#include "viacepdatasetmodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDirIterator>
#include <QJsonArray>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

using jb::test::copyFolder;

const QString saoPauloPayload = u"{\"params\": {\"cep\": \"01001-000\"}}"_s;

// The page's model under QAbstractItemModelTester for the rest of the test (the model's own suite
// tests it from empty; here it follows the runs, edits and imports the pages drive).
void watch(QAbstractItemModel *model)
{
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
}

} // namespace

class TestPipesPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void runsSpCheckAgainstTheMockAndShowsTheTrace();
    void stepEditsAndSavedPayloadsAreUndoable();
    void mockStartsStopsAndLogsRequests();
    void datasetAddEditImport();
    void injectedFaultShowsAsAnEventThatReruns();
    void serveToggleHostsThePipes();
    void pageInTheMainWindow();

private:
    std::optional<PipeResult> runFromPage(PipesPage &page, const QString &payload);
    QByteArray get(const QUrl &url, int *status = nullptr);
    int pipeRow() const { return m_session->document()->rowOf(u"pipe"_s, u"sp-check"_s); }

    QTemporaryDir m_temp;
    QString m_folder;
    std::unique_ptr<ProjectSession> m_session;
    // the session's runtimes, as MainWindow makes them; gone before the session
    std::unique_ptr<MockRuntime> m_mock;
    std::unique_ptr<PipeRuntime> m_runtime;
    QNetworkAccessManager m_network;
};

void TestPipesPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_temp.isValid());
    m_folder = m_temp.filePath(u"sample"_s);
    QVERIFY(copyFolder(QStringLiteral(JB_SAMPLE_DIR), m_folder));
    m_session = std::make_unique<ProjectSession>(m_temp.filePath(u"recovery"_s));
    QSignalSpy opened(m_session.get(), &ProjectSession::opened);
    m_session->open(m_folder);
    QVERIFY(opened.wait(20000));
    QVERIFY(pipeRow() >= 0);
    m_mock = std::make_unique<MockRuntime>(m_session.get());
    m_runtime = std::make_unique<PipeRuntime>(m_session.get(), m_mock.get());
    PipeRuntime *runtime = m_runtime.get();
    connect(runtime, &PipeRuntime::message, this,
        [](const QString &text) { qInfo("runtime: %s", qPrintable(text)); });
    QCOMPARE(runtime->mock(), m_mock.get()); // the runs call the session's one mock
    QTRY_VERIFY_WITH_TIMEOUT(m_mock->isDatasetLoaded(), 10000);
    QVERIFY2(m_mock->dataset().find(u"01001-000"), "the bundled ViaCEP dataset was not found");
}

void TestPipesPage::cleanup()
{
    PipeRuntime *runtime = m_runtime.get();
    runtime->mock()->setFaultRules({});
    runtime->stopServing();
}

std::optional<PipeResult> TestPipesPage::runFromPage(PipesPage &page, const QString &payload)
{
    page.payloadPanel()->setText(payload);
    QSignalSpy finished(&page, &PipesPage::runFinished);
    page.runButton()->click();
    if (finished.isEmpty() && !finished.wait(30000))
        return std::nullopt;
    return finished.constFirst().constFirst().value<PipeResult>();
}

QByteArray TestPipesPage::get(const QUrl &url, int *status)
{
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(url)));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10000))
        return {};
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return reply->readAll();
}

void TestPipesPage::runsSpCheckAgainstTheMockAndShowsTheTrace()
{
    PipesPage page(m_session.get(), m_runtime.get());
    watch(page.flowModel());
    watch(page.traceModel());
    page.resize(1400, 900);
    page.show();
    page.showPipe(u"sp-check"_s);
    QCOMPARE(page.currentPipeId(), u"sp-check"_s);
    QCOMPARE(page.environmentBox()->currentText(), u"test"_s);
    // the flow: the trigger, then the pipe's steps in order
    QCOMPARE(page.flowModel()->index(0).data(PipeFlowModel::TypeRole).toString(), u"rest"_s);
    QCOMPARE(page.flowModel()->index(0).data(PipeFlowModel::SummaryRole).toString().left(23),
        u"GET /consultaCEP/{cep} "_s);

    const std::optional<PipeResult> result = runFromPage(page, saoPauloPayload);
    QVERIFY(result);
    QCOMPARE(result->status, 200);
    QVERIFY(page.runtime()->mock()->server()->isListening()); // the test environment started the mock
    const QJsonObject body = result->bodyValue().toObject();
    QCOMPARE(body.value(u"message"_s).toString(), u"é São Paulo"_s);
    QCOMPARE(body.value(u"localidade"_s).toString(), u"São Paulo"_s);
    QVERIFY(page.resultBody()->toPlainText().contains(u"é São Paulo"_s));
    QVERIFY(page.resultStatus()->text().contains(u"<b>200</b>"_s));

    // every step that ran, in order, each with its status, and nothing else
    QCOMPARE(page.traceModel()->summary(),
        u"cep ok\nmalformed ok\nviacep ok\naddress ok\nknown ok\ndecide ok\nsao-paulo ok\nanswer ok"_s);
    // each step row carries its messages: the http step's input URL and output status
    const QModelIndex viacep = page.traceModel()->index(2, 0);
    QCOMPARE(viacep.data(PipeTraceModel::StepIdRole).toString(), u"viacep"_s);
    QStringList children;
    for (int row = 0; row < page.traceModel()->rowCount(viacep); ++row)
        children.append(page.traceModel()->index(row, 0, viacep).data().toString());
    QVERIFY2(children.size() >= 2, qPrintable(children.join(u'|')));
    QVERIFY(children.at(0).startsWith(u"input"_s));
    QVERIFY(children.at(0).contains(u"/ws/01001000/json/"_s));
    QVERIFY(children.at(1).startsWith(u"output"_s));
    QVERIFY(children.at(1).contains(u"\"localidade\":\"São Paulo\""_s));
    const QString output = page.traceModel()->index(1, 0, viacep).data(PipeTraceModel::DetailRole).toString();
    QVERIFY2(output.contains(u"\"status\": 200"_s), qPrintable(output)); // the whole message, pretty
    // the cards show the run; the chart maps the same rows
    const int card = page.flowModel()->rowOfPath({u"steps"_s, u"2"_s});
    QCOMPARE(page.flowModel()->index(card).data(PipeFlowModel::RunStatusRole).toInt(),
        int(TraceEntry::Status::Ok));
    QCOMPARE(page.timingChart()->categories().size(), 8);
    QCOMPARE(page.timingChart()->categories().constFirst(), u"cep"_s);

    // a malformed CEP stops before ViaCEP
    const std::optional<PipeResult> bad = runFromPage(page, u"{\"params\": {\"cep\": \"123\"}}"_s);
    QVERIFY(bad);
    QCOMPARE(bad->status, 400);
    QVERIFY(page.traceModel()->summary().contains(u"viacep skipped"_s));
}

void TestPipesPage::stepEditsAndSavedPayloadsAreUndoable()
{
    PipesPage page(m_session.get(), m_runtime.get());
    page.showPipe(u"sp-check"_s);
    QUndoStack *undo = m_session->undoStack();
    const QJsonObject before = m_session->document()->at(u"pipe"_s, pipeRow()).data;

    // the http step's card: its settings in the editor, an edit is one undoable document edit
    const int card = page.flowModel()->rowOfPath({u"steps"_s, u"2"_s});
    QVERIFY(card > 0);
    page.selectCard(card);
    QCOMPARE(page.settingsEditor()->settings().value(u"id"_s).toString(), u"viacep"_s);
    page.settingsEditor()->setValue(u"method"_s, u"POST"_s);
    QJsonObject pipe = m_session->document()->at(u"pipe"_s, pipeRow()).data;
    QCOMPARE(pipe.value(u"steps"_s).toArray().at(2).toObject().value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(pipe.value(u"steps"_s).toArray().at(3), before.value(u"steps"_s).toArray().at(3));
    QVERIFY(page.flowModel()->index(card).data(PipeFlowModel::SummaryRole).toString().startsWith(u"POST "_s));
    // a branch condition, two levels down
    const int branch = page.flowModel()->rowOfPath({u"steps"_s, u"5"_s, u"when"_s, u"0"_s});
    QVERIFY(branch > 0);
    page.selectCard(branch);
    page.settingsEditor()->setValue(u"condition"_s, u"true"_s);
    pipe = m_session->document()->at(u"pipe"_s, pipeRow()).data;
    QCOMPARE(pipe.value(u"steps"_s)[5][u"when"_s][0][u"condition"_s].toString(), u"true"_s);
    undo->undo();
    undo->undo();
    QCOMPARE(m_session->document()->at(u"pipe"_s, pipeRow()).data, before);

    // saved payloads live in the pipe's file, undoably
    PayloadPanel *payloads = page.payloadPanel();
    payloads->setText(saoPauloPayload);
    payloads->savePayload(u"São Paulo"_s);
    QCOMPARE(payloads->savedNames(), QStringList{u"São Paulo"_s});
    const QJsonArray saved
        = m_session->document()->at(u"pipe"_s, pipeRow()).data.value(u"payloads"_s).toArray();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0)[u"input"_s][u"params"_s][u"cep"_s].toString(), u"01001-000"_s);
    payloads->setText(u"{}"_s);
    payloads->loadPayload(u"São Paulo"_s);
    QVERIFY(payloads->text().contains(u"01001-000"_s));
    payloads->setText(u"{not json"_s);
    QVERIFY(!payloads->payload());
    undo->undo();
    QVERIFY(payloads->savedNames().isEmpty());
    QCOMPARE(m_session->document()->at(u"pipe"_s, pipeRow()).data, before);
}

void TestPipesPage::mockStartsStopsAndLogsRequests()
{
    MockPage page(m_runtime.get());
    page.show();
    page.stopMock();
    QVERIFY(!page.mock()->server()->isListening());
    QCOMPARE(page.startButton()->text(), u"Start"_s);
    page.portBox()->setValue(0);
    page.startMock();
    MockServer *mock = page.mock()->server();
    QVERIFY(mock->isListening());
    QCOMPARE(page.startButton()->text(), u"Stop"_s);
    QVERIFY(page.stateLabel()->text().contains(mock->baseUrl().toString()));
    QCOMPARE(page.portBox()->value(), int(mock->port()));

    const int before = page.logModel()->rowCount();
    int status = 0;
    const QByteArray body = get(QUrl(mock->baseUrl().toString() + u"/ws/01001000/json/"_s), &status);
    QCOMPARE(status, 200);
    QVERIFY(body.contains("\"localidade\": \"S\xc3\xa3o Paulo\""));
    QTRY_COMPARE(page.logModel()->rowCount(), before + 1);
    const int row = page.logModel()->rowCount() - 1;
    QCOMPARE(
        page.logModel()->index(row, RequestLogModel::PathColumn).data().toString(), u"/ws/01001000/json/"_s);
    QCOMPARE(
        page.logModel()->index(row, RequestLogModel::StatusColumn).data(RequestLogModel::SortRole).toInt(),
        200);
    // selecting the request shows what it was answered, byte for byte
    QVERIFY(page.logDetails()->toPlainText().isEmpty());
    page.logView()->setCurrentIndex(page.logModel()->index(row, RequestLogModel::PathColumn));
    QVERIFY(page.logDetails()->toPlainText().startsWith(u"GET /ws/01001000/json/\nanswered 200"_s));
    QVERIFY(page.logDetails()->toPlainText().contains(QString::fromUtf8(body)));

    page.startButton()->click(); // Stop
    QVERIFY(!mock->isListening());
    QVERIFY(page.stateLabel()->text().contains(u"Stopped"_s));
    page.startButton()->click(); // Start again for the tests after this one
    QVERIFY(mock->isListening());
}

void TestPipesPage::datasetAddEditImport()
{
    MockPage page(m_runtime.get());
    ViaCepDatasetModel *model = page.datasetModel();
    watch(model);
    const int before = model->rowCount();
    const int row = model->addRecord();
    QCOMPARE(model->rowCount(), before + 1);
    QCOMPARE(model->index(row, 0).data().toString(), u"00000-000"_s);
    const int localidade = int(ViaCepDataset::keyOrder().indexOf(u"localidade"_s));
    QVERIFY(model->setData(model->index(row, 0), u"70000001"_s)); // stored hyphenated
    QVERIFY(!model->setData(model->index(row, 0), u"7000"_s)); // not a CEP: refused
    QVERIFY(model->setData(model->index(row, localidade), u"Brasília"_s));
    const ViaCepRecord *record = page.mock()->dataset().find(u"70000-001");
    QVERIFY(record);
    QCOMPARE(record->value(u"localidade"), u"Brasília"_s);
    // served at once
    int status = 0;
    const QByteArray body
        = get(QUrl(page.mock()->server()->baseUrl().toString() + u"/ws/70000001/json/"_s), &status);
    QCOMPARE(status, 200);
    QVERIFY(body.contains("Bras\xc3\xadlia"));
    // and written to the project's mocks/ folder (off the GUI thread)
    const QString file = page.mock()->datasetFile();
    QTRY_VERIFY(QFileInfo::exists(file) && ViaCepDataset::load(file).value().find(u"70000-001"));

    QTemporaryDir dir;
    const QString importPath = dir.filePath(u"more.json"_s);
    QFile import(importPath);
    QVERIFY(import.open(QIODevice::WriteOnly));
    import.write(R"([{"cep": "69900-000", "logradouro": "", "localidade": "Rio Branco", "uf": "AC"}])");
    import.close();
    QSignalSpy imported(&page, &MockPage::importFinished);
    page.importFile(importPath);
    QVERIFY(imported.wait(10000));
    QVERIFY2(imported.constFirst().constFirst().toBool(), qPrintable(imported.constFirst().at(1).toString()));
    QCOMPARE(model->rowCount(), before + 2);
    QVERIFY(page.mock()->dataset().find(u"69900000"));
    QVERIFY(model->removeRecord(row));
    QCOMPARE(model->rowCount(), before + 1);
}

void TestPipesPage::injectedFaultShowsAsAnEventThatReruns()
{
    PipesPage pipes(m_session.get(), m_runtime.get());
    MockPage mock(m_runtime.get());
    EventsPage events(m_session.get(), m_runtime.get());
    watch(mock.faultModel());
    watch(events.model());
    pipes.showPipe(u"sp-check"_s);

    FaultRule fault;
    fault.kind = FaultKind::Http503;
    fault.route = u"GET /ws/{cep}/json/"_s;
    QCOMPARE(mock.faultModel()->addRule(fault), 0);
    QCOMPARE(mock.faultModel()->index(0, FaultRulesModel::KindColumn).data().toString(), u"http-503"_s);
    const QModelIndex probability = mock.faultModel()->index(0, FaultRulesModel::ProbabilityColumn);
    QVERIFY(mock.faultModel()->setData(probability, u"50 %"_s));
    QCOMPARE(mock.mock()->faultRules().constFirst().probability, 0.5);
    QVERIFY(mock.faultModel()->setData(probability, 1.0));
    QCOMPARE(mock.mock()->faultRules().constFirst().probability, 1.0);

    const std::optional<PipeResult> result = runFromPage(pipes, saoPauloPayload);
    QVERIFY(result);
    QCOMPARE(result->status, 502);
    QVERIFY(result->errorEventId > 0);
    QVERIFY(pipes.traceModel()->summary().contains(u"viacep failed"_s));
    QTRY_VERIFY_WITH_TIMEOUT(mock.logModel()->rowCount() > 0
            && mock.logModel()
                   ->index(mock.logModel()->rowCount() - 1, RequestLogModel::FaultColumn)
                   .data()
                   .toString()
                   .contains(u"503"_s),
        5000);

    // the events page reads the store on its own and shows the error event
    QTRY_VERIFY_WITH_TIMEOUT(events.model()->rowOfId(result->errorEventId) >= 0, 10000);
    events.classFilter()->setCurrentIndex(events.classFilter()->findData(u"data"_s));
    QTRY_COMPARE(events.model()->rowOfId(result->errorEventId), -1); // filtered out
    events.classFilter()->setCurrentIndex(events.classFilter()->findData(u"connectivity"_s));
    events.pipeFilter()->setCurrentIndex(events.pipeFilter()->findData(u"sp-check"_s));
    QTRY_VERIFY(events.model()->rowOfId(result->errorEventId) >= 0);
    const int row = events.model()->rowOfId(result->errorEventId);
    const StoredEvent &event = events.model()->eventAt(row);
    QCOMPARE(event.pipe, u"sp-check"_s);
    QCOMPARE(event.errorClass, u"connectivity"_s);
    QVERIFY(event.retriable);
    QCOMPARE(event.executionKey, result->executionKey);
    events.view()->setCurrentIndex(events.model()->index(row, 0));
    QVERIFY(events.details()->toPlainText().contains(result->executionKey));
    QVERIFY(events.rerunButton()->isEnabled());

    // with the fault gone, the re-run succeeds
    QVERIFY(mock.faultModel()->removeRule(0));
    QSignalSpy rerun(&events, &EventsPage::rerunFinished);
    events.rerunButton()->click();
    QVERIFY(rerun.wait(30000));
    QCOMPARE(rerun.constFirst().constFirst().value<PipeResult>().status, 200);
}

void TestPipesPage::serveToggleHostsThePipes()
{
    PipesPage page(m_session.get(), m_runtime.get());
    page.serveButton()->click();
    QVERIFY(page.runtime()->isServing());
    const QUrl base = page.runtime()->servingUrl();
    QCOMPARE(base.host(), u"127.0.0.1"_s);
    QVERIFY(page.serveAddress()->text().contains(base.toString()));
    int status = 0;
    const QByteArray body = get(QUrl(base.toString() + u"/consultaCEP/01001-000"_s), &status);
    QCOMPARE(status, 200);
    QVERIFY(QString::fromUtf8(body).contains(u"é São Paulo"_s));
    page.serveButton()->click();
    QVERIFY(!page.runtime()->isServing());
    QVERIFY(!page.serveAddress()->text().contains(base.toString()));
}

// The three pages are tabs of phase 6; with JB_PIPES_SCREENSHOT=FILE, the pipe page after a run
// is saved there (docs/pipes-page.png is made this way).
void TestPipesPage::pageInTheMainWindow()
{
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    QSignalSpy opened(window.session(), &ProjectSession::opened);
    window.openProject(m_folder);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
    window.showPage(int(Phase::Pipes) - 1);
    PhasePage *phase = window.phasePage(Phase::Pipes);
    auto *pipes = phase->findChild<PipesPage *>();
    QVERIFY(pipes);
    QVERIFY(phase->findChild<MockPage *>());
    QVERIFY(phase->findChild<EventsPage *>());
    phase->showTool(pipes);
    pipes->showPipe(u"sp-check"_s);
    const std::optional<PipeResult> result = runFromPage(*pipes, saoPauloPayload);
    QVERIFY(result);
    QCOMPARE(result->status, 200);
    pipes->selectCard(pipes->flowModel()->rowOfPath({u"steps"_s, u"2"_s}));
    pipes->traceView()->setCurrentIndex(pipes->traceModel()->index(0, 0, pipes->traceModel()->index(2, 0)));
    const QString file = qEnvironmentVariable("JB_PIPES_SCREENSHOT");
    if (!file.isEmpty()) {
        QTest::qWait(200); // let the chart lay out its labels
        QVERIFY(window.grab().save(file));
        // the two other tabs next to it, for a look
        phase->showTool(phase->findChild<MockPage *>());
        QTest::qWait(200);
        QVERIFY(window.grab().save(QString(file).replace(u".png"_s, u"-mock.png"_s)));
        phase->showTool(phase->findChild<EventsPage *>());
        QTest::qWait(300);
        QVERIFY(window.grab().save(QString(file).replace(u".png"_s, u"-events.png"_s)));
    }
}

QTEST_MAIN(TestPipesPage)
#include "tst_pipespage.moc"
