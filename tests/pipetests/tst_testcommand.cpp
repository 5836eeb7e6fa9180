// journeybench-cli test through the real executable: the sample's suites pass with sp-check fully
// covered, the exit codes (0 passed, 1 a failed case or coverage under the threshold, 2 a usage
// or project error), the diagnostics at file:line:column, JUnit valid against tests/pipetests/
// junit.xsd (xmllint), and the run stored as evidence with the hashes of what it measured.
#include "clirun.h"
#include "testfolder.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using jb::testing::CliRun;

namespace {

// A suite of sp-check with one case: `mocks` and `expect` as JSON text.
QByteArray suite(const QByteArray &mocks, const QByteArray &expect)
{
    return R"({
  "id": "extra",
  "name": "Extra",
  "type": "unit",
  "pipe": "sp-check",
  "cases": [
    {
      "name": "one case",
      "request": {"path": "/consultaCEP/01001-000"},
      "mocks": )"
        + mocks + R"(,
      "expect": )"
        + expect + R"(
    }
  ]
}
)";
}

const QByteArray spAnswer
    = R"({"viacep": {"answer": {"body": {"cep": "01001-000", "localidade": "São Paulo", "uf": "SP"}}}})";

// xmllint's verdict on `file` against the JUnit schema: "" when valid, else what it said.
QString xmllint(const QString &file)
{
    QProcess process;
    process.start(u"xmllint"_s, {u"--noout"_s, u"--schema"_s, QStringLiteral(JB_JUNIT_XSD), file});
    if (!process.waitForFinished(30000))
        return u"xmllint did not finish"_s;
    return process.exitCode() == 0 ? QString() : QString::fromUtf8(process.readAllStandardError());
}

} // namespace

class TestTestCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void sampleSuitesPassWithFullCoverage();
    void exitCodes_data();
    void exitCodes();
    void failureInJUnitNamesPathAndValues();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_project;
};

void TestTestCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_project = m_dir->filePath(u"sample"_s);
    QVERIFY(jb::test::copyFolder(QStringLiteral(JB_SAMPLE_DIR), m_project));
}

void TestTestCommand::sampleSuitesPassWithFullCoverage()
{
    const QString junit = m_dir->filePath(u"junit.xml"_s);
    const CliRun run = CliRun::of({u"test"_s, m_project, u"--junit"_s, junit, u"--json"_s});
    QVERIFY2(run.finished, qPrintable(run.err));
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(
        run.out.contains(u"sp-check: steps 14/14 (100%), branches 10/10 (100%)\n"_s), qPrintable(run.out));
    QVERIFY2(!run.out.contains(u"FAIL "_s), qPrintable(run.out));
    QCOMPARE(xmllint(junit), QString());
    QFile xml(junit);
    QVERIFY(xml.open(QIODevice::ReadOnly));
    const QByteArray junitText = xml.readAll();
    QVERIFY(junitText.contains(R"(<testcase name="unknown CEP [row 2]" classname="sp-check.sp-check-unit")"));
    QVERIFY(junitText.contains("<system-out>[ok] cep (validate)"));

    // the run, as evidence: one file, with the hashes of the suite, the pipe and the environment
    const QStringList files = QDir(m_project + u"/evidence/tests"_s).entryList(QDir::Files);
    QCOMPARE(files.size(), 1);
    QVERIFY2(run.err.contains(u"evidence: "_s + m_project + u"/evidence/tests/"_s + files.constFirst()),
        qPrintable(run.err));
    QFile evidence(m_project + u"/evidence/tests/"_s + files.constFirst());
    QVERIFY(evidence.open(QIODevice::ReadOnly));
    const QJsonObject record = QJsonDocument::fromJson(evidence.readAll()).object();
    QCOMPARE(record.value(u"passed"_s), QJsonValue(true));
    QCOMPARE(record.value(u"environment"_s).toString(), u"test"_s);
    QStringList hashed = record.value(u"hashes"_s).toObject().keys();
    QVERIFY2(hashed.contains(u"test/sp-check-unit"_s) && hashed.contains(u"pipe/sp-check"_s)
            && hashed.contains(u"environment/test"_s),
        qPrintable(hashed.join(u", "_s)));
    for (const QString &key : std::as_const(hashed))
        QCOMPARE(record.value(u"hashes"_s).toObject().value(key).toString().size(), 64);
    // --json prints the record as stored
    QVERIFY(run.out.contains(u"\"kind\": \"test-run\""_s));
}

void TestTestCommand::exitCodes_data()
{
    QTest::addColumn<QByteArray>("extraSuite"); // written as tests/extra.json ("" for none)
    QTest::addColumn<QStringList>("options"); // after DIR ("-" alone: no DIR at all)
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("printed"); // in stdout or stderr, with DIR written as DIR

    const QByteArray passing = suite(spAnswer, R"([{"path": "status", "equals": 200}])");
    QTest::addRow("one passing suite") << passing << QStringList{u"--suite"_s, u"extra"_s, u"--no-evidence"_s}
                                       << 0 << u"PASS extra: one case"_s;
    QTest::addRow("a failed case")
        << suite(spAnswer, R"([{"path": "body.message", "equals": "não é São Paulo"}])")
        << QStringList{u"--suite"_s, u"extra"_s, u"--no-evidence"_s} << 1
        << u"FAIL extra: one case\n  body.message: expected \"não é São Paulo\", got \"é São Paulo\""_s;
    QTest::addRow("coverage under the threshold")
        << passing << QStringList{u"--suite"_s, u"extra"_s, u"--coverage-min"_s, u"100"_s, u"--no-evidence"_s}
        << 1 << u"coverage of sp-check is under 100%"_s;
    QTest::addRow("a mock of a step the pipe lacks")
        << suite(R"({"viacpe": {"output": {}}})", R"([{"path": "status", "equals": 200}])")
        << QStringList{u"--no-evidence"_s} << 2
        << u"DIR/tests/extra.json:10:27: mock of step \"viacpe\": pipe \"sp-check\" has no such step"_s;
    QTest::addRow("a bad expectation")
        << suite(spAnswer, R"([{"path": "status", "equal": 200}])") << QStringList{u"--no-evidence"_s} << 2
        << u"DIR/tests/extra.json:11:18: unknown operator \"equal\""_s;
    QTest::addRow("a schema naming no contract")
        << suite(spAnswer, R"([{"path": "body", "schema": "nope"}])") << QStringList{u"--no-evidence"_s} << 2
        << u"DIR/tests/extra.json:11:18: schema \"nope\": no such contract in the project"_s;
    QTest::addRow("--set reaches the pipe") << suite(
        spAnswer, R"([{"path": "inputs.viacep[0].url", "equals": "http://mock.test/ws/01001000/json/"}])")
                                            << QStringList{u"--suite"_s, u"extra"_s, u"--set"_s,
                                                   u"viacep.baseUrl=http://mock.test/"_s, u"--no-evidence"_s}
                                            << 0 << u"PASS extra: one case"_s;
    QTest::addRow("an unknown suite") << QByteArray() << QStringList{u"--suite"_s, u"nope"_s} << 2
                                      << u"no test suite \"nope\" in the project"_s;
    QTest::addRow("an unknown environment")
        << QByteArray() << QStringList{u"--env"_s, u"staging"_s} << 2 << u"error: "_s;
    QTest::addRow("a bad threshold") << QByteArray() << QStringList{u"--coverage-min"_s, u"150"_s} << 2
                                     << u"--coverage-min: a percentage from 0 to 100, not \"150\""_s;
    QTest::addRow("help") << QByteArray() << QStringList{u"--help"_s} << 0 << u"--coverage-min <PERCENT>"_s;
    QTest::addRow("no folder") << QByteArray() << QStringList{u"-"_s} << 2
                               << u"usage: journeybench-cli test DIR"_s;
}

void TestTestCommand::exitCodes()
{
    QFETCH(QByteArray, extraSuite);
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, printed);
    if (!extraSuite.isEmpty()) {
        QFile file(m_project + u"/tests/extra.json"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(extraSuite);
    }
    QStringList arguments{u"test"_s};
    if (options != QStringList{u"-"_s})
        arguments << m_project << options;
    const CliRun run = CliRun::of(arguments);
    QVERIFY2(run.finished, qPrintable(run.err));
    QString both = run.out + run.err;
    both.replace(m_project, u"DIR"_s);
    QVERIFY2(both.contains(printed), qPrintable(both));
    QCOMPARE(run.exitCode, exitCode);
    if (options.contains(u"--no-evidence"_s))
        QVERIFY(!QDir(m_project + u"/evidence/tests"_s).exists());
}

void TestTestCommand::failureInJUnitNamesPathAndValues()
{
    QFile file(m_project + u"/tests/extra.json"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        suite(spAnswer, R"([{"path": "body.uf", "equals": "RJ"}, {"path": "calls.viacep", "equals": 2}])"));
    file.close();
    const QString junit = m_dir->filePath(u"junit.xml"_s);
    const QString html = m_dir->filePath(u"report.html"_s);
    const CliRun run = CliRun::of({u"test"_s, m_project, u"--suite"_s, u"extra"_s, u"--junit"_s, junit,
        u"--html"_s, html, u"--no-evidence"_s});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(xmllint(junit), QString());
    QFile xml(junit);
    QVERIFY(xml.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(xml.readAll());
    QVERIFY2(text.contains(u"<failure message=\"body.uf: expected &quot;RJ&quot;, got &quot;SP&quot;\" "
                           "type=\"expectation\">body.uf: expected &quot;RJ&quot;, got &quot;SP&quot;\n"
                           "calls.viacep: expected 2, got 1</failure>"_s),
        qPrintable(text));
    QVERIFY(text.contains(u"<testsuites name=\"journeybench\" tests=\"1\" failures=\"1\""_s));

    // the HTML report: well-formed, self-contained, each failure's path with both values side by side
    QProcess lint;
    lint.start(u"xmllint"_s, {u"--noout"_s, html});
    QVERIFY(lint.waitForFinished(30000));
    QCOMPARE(QString::fromUtf8(lint.readAllStandardError()), QString());
    QFile page(html);
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QString report = QString::fromUtf8(page.readAll()).simplified();
    QVERIFY2(
        report.contains(
            u"<tr> <td>body.uf</td> <td>&quot;RJ&quot;</td> <td class=\"fail\">&quot;SP&quot;</td> </tr>"_s),
        qPrintable(report));
    QVERIFY(report.contains(u"FAILED: 1 cases, 1 failed"_s));
    QVERIFY(!report.contains(u"<script"_s) && !report.contains(u"<link"_s) && !report.contains(u"src="_s));
}

QTEST_GUILESS_MAIN(TestTestCommand)
#include "tst_testcommand.moc"
