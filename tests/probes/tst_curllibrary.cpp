// libcurl opened at run time: what the loader says when the library or one of its functions is
// missing, and that an FTP or SFTP probe then ends as an Error with that message instead of crashing.
// The real libcurl's FTP and SFTP work is tested against real servers in tst_fileprobes.
#include "curllibrary.h"
#include "fileserverprobe.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

class TestCurlLibrary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void load_data()
    {
        QTest::addColumn<QByteArray>("fileName");
        QTest::addColumn<QString>("error"); // a regular expression; empty: it loads

        QTest::addRow("the system's libcurl") << QByteArray(CurlLibrary::defaultFileName) << QString();
        QTest::addRow("no such library")
            << "libjourneybench-no-such-curl.so.4"_ba
            << u"could not load libjourneybench-no-such-curl\\.so\\.4, which the FTP, FTPS and SFTP probes "
               "use \\(install the libcurl4 package\\): .*libjourneybench-no-such-curl\\.so\\.4.*"_s;
        QTest::addRow("a library that is not libcurl")
            << "libc.so.6"_ba
            << u"libc\\.so\\.6 is not a usable libcurl: it has no function curl_global_init"_s;
        QTest::addRow("a path to no file")
            << "/nonexistent/libcurl.so.4"_ba
            << u"could not load /nonexistent/libcurl\\.so\\.4, .*No such file or directory"_s;
    }

    void load()
    {
        QFETCH(QByteArray, fileName);
        QFETCH(QString, error);
        const Result<CurlLibrary> curl = CurlLibrary::load(fileName.constData());
        if (error.isEmpty()) {
            QVERIFY2(curl.ok(), qPrintable(curl.errorString()));
            QVERIFY(curl.value().easySetopt);
            QVERIFY(curl.value().versionInfo(CURLVERSION_NOW)->version);
            return;
        }
        QVERIFY(!curl.ok());
        const QRegularExpression expected(u"\\A"_s + error + u"\\z"_s);
        QVERIFY2(expected.match(curl.errorString()).hasMatch(), qPrintable(curl.errorString()));
    }

    // Every FTP and SFTP probe, once the secrets are read, needs the library: without it the probe is
    // an Error whose summary is the loader's message.
    void probeWithoutLibrary_data()
    {
        QTest::addColumn<ProbeType>("type");
        QTest::addColumn<QString>("ftps");
        QTest::addRow("ftp") << ProbeType::Ftp << u"none"_s;
        QTest::addRow("explicit ftps") << ProbeType::Ftp << u"explicit"_s;
        QTest::addRow("sftp") << ProbeType::Sftp << u"none"_s;
    }

    void probeWithoutLibrary()
    {
        QFETCH(ProbeType, type);
        QFETCH(QString, ftps);
        const Result<CurlLibrary> missing = CurlLibrary::load("libjourneybench-no-such-curl.so.4");
        QVERIFY(!missing.ok());
        ProbeSpec spec;
        spec.type = type;
        spec.host = u"127.0.0.1"_s;
        spec.ftps = ftps;
        const ProbeContext context;
        ProbeControl control(context, std::chrono::milliseconds(1000));
        const ProbeResult result = FileServerProbe::run(spec, control, missing);
        QCOMPARE(result.status, ProbeStatus::Error);
        QCOMPARE(result.summary, missing.errorString());
    }
};

QTEST_APPLESS_MAIN(TestCurlLibrary)
#include "tst_curllibrary.moc"
