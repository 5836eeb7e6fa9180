// journeybench-cli load, as a process, against a server the suite starts on an OS-chosen loopback
// port: a progress line per second on stderr, the summary or the JSON run on stdout, each run a
// new evidence file with the hash of the environment it measured; bad command lines with clear
// errors and exit code 2.
#include "stallingserver.h"
#include "testfolder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(JB_CLI_PATH), QStringList{u"load"_s} + args);
    process.waitForFinished(60'000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestLoadCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_project.isValid());
        QVERIFY(jb::test::copyFolder(QStringLiteral(JB_SAMPLE_DIR), m_project.path()));
    }

    void closedRunWithSummaryAndEvidence()
    {
        jb::test::StallingServer server;
        const QString url = u"http://127.0.0.1:%1/ws/01001000/json/"_s.arg(server.port());
        const Run run = cli({m_project.path(), u"--url"_s, url, u"--connections"_s, u"2"_s, u"--duration"_s,
            u"2.2"_s, u"--env"_s, u"test"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(
            run.out.contains(QRegularExpression(u"^\\d+ requests in 2\\.\\d\\d s, [\\d.]+ requests/s"_s)),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(u"errors: 0 (4xx 0, 5xx 0, timeout 0, refused 0, reset 0, protocol 0)"_s),
            qPrintable(run.out));
        const QStringList progress
            = run.err.split(u'\n').filter(QRegularExpression(u"^\\d s: \\d+ requests/s"_s));
        QVERIFY2(progress.size() == 2, qPrintable(run.err));
        QVERIFY(progress.first().startsWith(u"1 s: "_s));
        QVERIFY2(run.err.contains(u"evidence: "_s), qPrintable(run.err));

        const QStringList files
            = QDir(m_project.filePath(u"evidence/load"_s)).entryList({u"*.json"_s}, QDir::Files);
        QCOMPARE(files.size(), 1);
        QFile file(m_project.filePath(u"evidence/load/"_s + files.first()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject stored = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(stored[u"kind"_s].toString(), u"load-run"_s);
        QCOMPARE(stored[u"asked"_s][u"model"_s].toString(), u"closed"_s);
        QCOMPARE(stored[u"asked"_s][u"url"_s].toString(), url);
        QCOMPARE(stored[u"answered"_s].toInteger(), server.requests());
        QVERIFY(stored[u"answered"_s].toInteger() > 100);
        // the SHA-256 of the environment's canonical file
        QVERIFY(stored[u"sources"_s][u"environment/test"_s].toString().contains(
            QRegularExpression(u"^[0-9a-f]{64}$"_s)));
        QVERIFY(stored[u"latencyMs"_s][u"p99"_s].toDouble() > 0);
    }

    void openRunAsJsonAddsAFile()
    {
        jb::test::StallingServer server;
        const int before
            = QDir(m_project.filePath(u"evidence/load"_s)).entryList({u"*.json"_s}, QDir::Files).size();
        const Run run = cli({m_project.path(), u"--url"_s, u"http://127.0.0.1:%1/"_s.arg(server.port()),
            u"--rate"_s, u"400"_s, u"--duration"_s, u"1"_s, u"--threads"_s, u"2"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json[u"asked"_s][u"model"_s].toString(), u"open"_s);
        QCOMPARE(json[u"asked"_s][u"rate"_s].toDouble(), 400.0);
        QVERIFY2(qAbs(json[u"answered"_s].toInteger() - 400) <= 8, qPrintable(run.out));
        QCOMPARE(json[u"errors"_s][u"total"_s].toInteger(), 0);
        QCOMPARE(QDir(m_project.filePath(u"evidence/load"_s)).entryList({u"*.json"_s}, QDir::Files).size(),
            before + 1);
    }

    void failedRequestsExitOne()
    {
        jb::test::StallingServer server(0, 0, 500);
        const Run run = cli({m_project.path(), u"--url"_s, u"http://127.0.0.1:%1/"_s.arg(server.port()),
            u"--connections"_s, u"1"_s, u"--duration"_s, u"0.3"_s, u"--no-evidence"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.out.contains(QRegularExpression(u"errors: \\d+ \\(4xx 0, 5xx \\d+,"_s)), qPrintable(run.out));
    }

    void badCommandLines_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        const QString url = u"http://127.0.0.1:9/"_s;
        QTest::addRow("no model") << QStringList{u"--url"_s, url, u"--duration"_s, u"1"_s}
                                  << u"load needs --rate N (open model) or --connections N (closed model)"_s;
        QTest::addRow("no duration") << QStringList{u"--url"_s, url, u"--connections"_s, u"1"_s}
                                     << u"load needs --duration S"_s;
        QTest::addRow("no url") << QStringList{u"--connections"_s, u"1"_s, u"--duration"_s, u"1"_s}
                                << u"load needs --url URL"_s;
        QTest::addRow("ramp without rate") << QStringList{u"--url"_s, url, u"--connections"_s, u"1"_s,
            u"--ramp-to"_s, u"9"_s, u"--duration"_s, u"1"_s}
                                           << u"--ramp-to needs --rate"_s;
        QTest::addRow("zero rate") << QStringList{u"--url"_s, url, u"--rate"_s, u"0"_s, u"--duration"_s,
            u"1"_s} << u"--rate is a number of requests per second above 0"_s;
        QTest::addRow("pipe") << QStringList{u"--pipe"_s, u"sp-check"_s, u"--rate"_s, u"5"_s, u"--duration"_s,
            u"1"_s} << u"--pipe is not supported yet"_s;
        QTest::addRow("remote")
            << QStringList{u"--url"_s, u"http://192.0.2.10/"_s, u"--connections"_s, u"1"_s, u"--duration"_s,
                   u"1"_s}
            << u"error: 192.0.2.10 is not on loopback: a load run against another machine needs the explicit "
               "allow flag (--allow-remote)"_s;
    }
    void badCommandLines()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        const Run run = cli(QStringList{m_project.path()} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(error), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

private:
    QTemporaryDir m_project;
};

QTEST_GUILESS_MAIN(TestLoadCli)
#include "tst_loadcli.moc"
