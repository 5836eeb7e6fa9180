// journeybench-cli export, run as a separate process the way users and CI run it.

#include "artifactcatalog.h"
#include "artifactformat.h"
#include "exportreader.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using jb::test::ExportReader;

namespace jb {

class TestExportCommand final : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run cli(const QStringList &arguments, const QProcessEnvironment &extra = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // a display must not be needed: the CLI picks the offscreen platform itself
        environment.remove(u"QT_QPA_PLATFORM"_s);
        environment.remove(u"DISPLAY"_s);
        environment.remove(u"WAYLAND_DISPLAY"_s);
        for (const QString &key : extra.keys())
            environment.insert(key, extra.value(key));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(JB_CLI_PATH), arguments);
        Run run;
        if (!process.waitForFinished(300000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

private Q_SLOTS:
    void exportsEveryDocument_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("files");
        // csv: an about file per document plus one per table
        QTest::addRow("md") << u"md"_s << 6;
        QTest::addRow("html") << u"html"_s << 6;
        QTest::addRow("pdf") << u"pdf"_s << 6;
        QTest::addRow("xlsx") << u"xlsx"_s << 6;
        QTest::addRow("csv") << u"csv"_s << -1;
    }
    void exportsEveryDocument()
    {
        QFETCH(QString, format);
        QFETCH(int, files);
        QTemporaryDir out;
        QVERIFY(out.isValid());
        QProcessEnvironment secrets;
        secrets.insert(u"JOURNEYBENCH_SECRET_CUSTOMER_PORTAL_TOKEN"_s, u"cli-secret-5d1e"_s);
        const Run run = cli({u"export"_s, QStringLiteral(JB_SAMPLE_DIR), u"--artifact"_s, u"all"_s,
                                u"--format"_s, format, u"--out"_s, out.path()},
            secrets);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList listed = run.out.split(u'\n', Qt::SkipEmptyParts);
        if (files >= 0)
            QCOMPARE(listed.size(), files);
        else
            QVERIFY(listed.size() > 6);
        for (const QString &path : listed) {
            QVERIFY2(QFileInfo(path).isFile() && QFileInfo(path).size() > 0, qPrintable(path));
            QCOMPARE(QFileInfo(path).absolutePath(), QDir(out.path()).absolutePath());
            if (format != u"xlsx" && format != u"pdf")
                QVERIFY(!ExportReader::readFile(path).contains("cli-secret-5d1e"));
        }
        for (const QString &name : ArtifactCatalog::names()) {
            if (format != u"csv")
                QVERIFY2(listed.contains(QDir(out.path()).filePath(name + u'.' + format)), qPrintable(name));
        }
        if (format == u"pdf") {
            const QString text = ExportReader::pdfText(QDir(out.path()).filePath(u"journey-report.pdf"_s));
            QVERIFY(text.contains(u"Integration journey report"_s));
            QVERIFY(!text.contains(u"cli-secret-5d1e"_s));
        }
        QVERIFY(run.err.contains(u"file(s) written for project version"_s));
    }

    void environmentIsStated()
    {
        QTemporaryDir out;
        const Run run
            = cli({u"export"_s, QStringLiteral(JB_SAMPLE_DIR), u"--artifact"_s, u"firewall-request"_s,
                u"--format"_s, u"md"_s, u"--out"_s, out.path(), u"--env"_s, u"Production"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString text
            = QString::fromUtf8(ExportReader::readFile(QDir(out.path()).filePath(u"firewall-request.md"_s)));
        QVERIFY(text.contains(u"environment: Production (prod)"_s));
        QVERIFY(text.contains(u"10.20.0.0/24"_s));
        QVERIFY2(!text.contains(u"127.0.0.1/32"_s), "only the production rules");
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString sample = QStringLiteral(JB_SAMPLE_DIR);
        QTest::addRow("no --out") << QStringList{u"export"_s, sample, u"--artifact"_s, u"vpn"_s,
            u"--format"_s, u"md"_s}
                                  << 2 << u"usage: journeybench-cli export"_s;
        QTest::addRow("unknown artifact") << QStringList{u"export"_s, sample, u"--artifact"_s, u"memo"_s,
            u"--format"_s, u"md"_s, u"--out"_s, u"/tmp/x"_s}
                                          << 2 << u"unknown artifact \"memo\""_s;
        QTest::addRow("unknown format") << QStringList{u"export"_s, sample, u"--artifact"_s, u"vpn"_s,
            u"--format"_s, u"docx"_s, u"--out"_s, u"/tmp/x"_s}
                                        << 2 << u"unknown format \"docx\""_s;
        QTest::addRow("unknown environment") << QStringList{u"export"_s, sample, u"--artifact"_s, u"vpn"_s,
            u"--format"_s, u"md"_s, u"--out"_s, u"/tmp/x"_s, u"--env"_s, u"staging"_s}
                                             << 2 << u"no environment \"staging\""_s;
        QTest::addRow("no such project") << QStringList{u"export"_s, u"/nonexistent/project"_s,
            u"--artifact"_s, u"vpn"_s, u"--format"_s, u"md"_s, u"--out"_s, u"/tmp/x"_s}
                                         << 1 << u"error:"_s;
    }
    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void unwritableFolder()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"taken"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
        blocker.close();
        const Run run = cli({u"export"_s, QStringLiteral(JB_SAMPLE_DIR), u"--artifact"_s, u"vpn"_s,
            u"--format"_s, u"md"_s, u"--out"_s, dir.filePath(u"taken"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"cannot create the folder"_s), qPrintable(run.err));
    }
};

} // namespace jb

QTEST_GUILESS_MAIN(jb::TestExportCommand)
#include "tst_exportcommand.moc"
