// The session's pipe and mock runtimes with no Widgets, on a copy of the sample: the mock reads the
// bundled ViaCEP dataset, a run of sp-check starts it and calls it, a mock the user stopped stays
// stopped, edits of the dataset and the fault rules land in the project's mocks/ folder, and a
// project opened again stops what was served.
#include "mockruntime.h"
#include "mockserver.h"
#include "piperesult.h"
#include "piperuntime.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "testfolder.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

PipeRequest spCheck(const QString &cep)
{
    PipeRequest request;
    request.method = u"GET"_s;
    request.path = u"/consultaCEP/"_s + cep;
    request.params.insert(u"cep"_s, cep);
    return request;
}

} // namespace

class TestRuntimes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void mockReadsTheBundledDataset();
    void runStartsTheMockAndCallsIt();
    void mockStoppedByTheUserStaysStopped();
    void editsAreWrittenToTheProject();
    void openingAgainStopsServing();

private:
    std::optional<PipeResult> execute(const PipeRequest &request);

    QTemporaryDir m_temp;
    QString m_folder;
    std::unique_ptr<ProjectSession> m_session;
    std::unique_ptr<MockRuntime> m_mock;
    std::unique_ptr<PipeRuntime> m_pipes;
};

void TestRuntimes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_temp.isValid());
}

void TestRuntimes::init()
{
    static int copies = 0;
    m_folder = m_temp.filePath(u"sample-%1"_s.arg(++copies));
    QVERIFY(test::copyFolder(QStringLiteral(JB_SAMPLE_DIR), m_folder));
    m_session = std::make_unique<ProjectSession>(m_temp.filePath(u"recovery"_s));
    m_mock = std::make_unique<MockRuntime>(m_session.get());
    m_pipes = std::make_unique<PipeRuntime>(m_session.get(), m_mock.get());
    QSignalSpy opened(m_session.get(), &ProjectSession::opened);
    m_session->open(m_folder);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_mock->isDatasetLoaded(), 10000);
}

void TestRuntimes::cleanup()
{
    m_pipes.reset();
    m_mock.reset();
    m_session.reset();
}

std::optional<PipeResult> TestRuntimes::execute(const PipeRequest &request)
{
    std::optional<PipeResult> result;
    m_pipes->execute(u"sp-check"_s, request, this, [&result](const PipeResult &done) { result = done; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 30000))
        return std::nullopt;
    return result;
}

void TestRuntimes::mockReadsTheBundledDataset()
{
    QVERIFY2(m_mock->dataset().find(u"01001-000"), "the bundled ViaCEP dataset was not found");
    QCOMPARE(m_pipes->mock(), m_mock.get());
    QVERIFY(m_mock->routeKeys().contains(u"GET /ws/{cep}/json/"_s));
    QCOMPARE(m_pipes->environmentName(), u"test"_s);
    QCOMPARE(m_pipes->preferredMockPort(), quint16(18080));
    QVERIFY(!m_mock->server()->isListening()); // nothing ran yet
}

void TestRuntimes::runStartsTheMockAndCallsIt()
{
    const std::optional<PipeResult> result = execute(spCheck(u"01001-000"_s));
    QVERIFY(result);
    QCOMPARE(result->status, 200);
    QVERIFY2(QString::fromUtf8(result->body).contains(u"é São Paulo"_s), result->body.constData());
    QVERIFY(m_mock->server()->isListening()); // the test environment's ViaCEP URL is on loopback
    QVERIFY(!m_mock->isStoppedByUser());
}

void TestRuntimes::mockStoppedByTheUserStaysStopped()
{
    QSignalSpy state(m_mock.get(), &MockRuntime::stateChanged);
    QVERIFY(m_mock->start(0));
    QVERIFY(m_mock->server()->isListening());
    m_mock->stop();
    QCOMPARE(state.size(), 2);
    QCOMPARE(state.last().first().toBool(), false);
    QVERIFY(m_mock->isStoppedByUser());
    const std::optional<PipeResult> result = execute(spCheck(u"01001-000"_s));
    QVERIFY(result);
    QVERIFY(result->status != 200); // nobody answers where the environment points
    QVERIFY(!m_mock->server()->isListening());
}

void TestRuntimes::editsAreWrittenToTheProject()
{
    FaultRule fault;
    fault.kind = FaultKind::Http503;
    fault.route = u"GET /ws/{cep}/json/"_s;
    QSignalSpy changed(m_mock.get(), &MockRuntime::faultRulesChanged);
    m_mock->setFaultRules({fault});
    QCOMPARE(changed.size(), 1);
    const QString faults = QDir(m_folder).filePath(MockRuntime::faultsRelativePath);
    QTRY_VERIFY(QFileInfo::exists(faults));
    const Result<QList<FaultRule>> read = FaultRule::listFromFile(faults);
    QVERIFY(read);
    QCOMPARE(read.value().size(), 1);
    QCOMPARE(read.value().constFirst().kind, FaultKind::Http503);

    ViaCepDataset dataset = m_mock->dataset();
    QVERIFY(dataset.importJson(R"([{"cep": "69900-000", "localidade": "Rio Branco", "uf": "AC"}])"));
    m_mock->setDataset(std::move(dataset));
    QVERIFY(m_mock->dataset().find(u"69900000"));
    const QString file = m_mock->datasetFile();
    QTRY_VERIFY(QFileInfo::exists(file) && ViaCepDataset::load(file).value().find(u"69900-000"));
}

void TestRuntimes::openingAgainStopsServing()
{
    const Result<QUrl> served = m_pipes->startServing();
    QVERIFY2(served, qPrintable(served.errorString()));
    QVERIFY(m_pipes->isServing());
    QVERIFY(m_pipes->servedRoutes().contains(u"GET /consultaCEP/{cep}"_s));
    QSignalSpy serving(m_pipes.get(), &PipeRuntime::servingChanged);
    QSignalSpy opened(m_session.get(), &ProjectSession::opened);
    m_session->open(m_folder);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
    QVERIFY(!m_pipes->isServing());
    QCOMPARE(serving.size(), 1);
    QCOMPARE(serving.first().first().toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(m_mock->isDatasetLoaded(), 10000); // read again for the project
}

QTEST_MAIN(TestRuntimes)
#include "tst_runtimes.moc"
