#include "sampleproject.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using jb::SampleProject;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

} // namespace

// The user's copy of the bundled sample: made once, renewed when a newer version bundles a changed
// sample, and never losing what the user changed or what runs wrote.
class TestSampleProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void firstCopy();
    void renewal_data();
    void renewal();
    void missingBundledSample();
    void fingerprintIgnoresWorkFiles();

private:
    QString bundled() const { return m_dir.filePath(u"bundled"_s); }
    QString copy() const { return m_dir.filePath(u"Sample project"_s); }
    QStringList keptFolders() const
    {
        return QDir(m_dir.path()).entryList({u"Sample project (kept *"_s}, QDir::Dirs);
    }

    QTemporaryDir m_dir;
};

void TestSampleProject::init()
{
    QVERIFY(QDir(m_dir.path()).removeRecursively());
    QVERIFY(QDir().mkpath(m_dir.path()));
    QVERIFY(writeFile(bundled() + u"/journey.json"_s, R"({"schemaVersion": 1, "name": "Sample"})"));
    QVERIFY(writeFile(bundled() + u"/pipes/sp-check.json"_s, R"({"id": "sp-check"})"));
}

void TestSampleProject::firstCopy()
{
    const auto made = SampleProject::ensureCopy(bundled(), copy());
    QVERIFY2(made.ok(), qPrintable(made.errorString()));
    QCOMPARE(made.value().folder, copy());
    QVERIFY(!made.value().renewed);
    QVERIFY(made.value().keptAs.isEmpty());
    QCOMPARE(readFile(copy() + u"/pipes/sp-check.json"_s), QByteArray(R"({"id": "sp-check"})"));
    QCOMPARE(SampleProject::fingerprint(copy()), SampleProject::fingerprint(bundled()));
    QCOMPARE(readFile(copy() + u'/' + QString::fromLatin1(SampleProject::originFileName)).trimmed(),
        SampleProject::fingerprint(bundled()));
    QVERIFY(!QFileInfo::exists(copy() + u".partial"_s));
}

void TestSampleProject::renewal_data()
{
    QTest::addColumn<bool>("bundledChanges");
    QTest::addColumn<QString>("userEdit"); // "" none, "edit" a file, "run" events, "no-origin" an old copy
    QTest::addColumn<bool>("renewed");
    QTest::addColumn<bool>("kept");

    QTest::addRow("same sample, untouched copy: opened as it is") << false << u""_s << false << false;
    QTest::addRow("same sample, edited copy: the edits stay") << false << u"edit"_s << false << false;
    QTest::addRow("changed sample, untouched copy: replaced") << true << u""_s << true << false;
    QTest::addRow("changed sample, edited copy: kept aside") << true << u"edit"_s << true << true;
    QTest::addRow("changed sample, copy with run files: kept aside") << true << u"run"_s << true << true;
    QTest::addRow("changed sample, copy from before origins: kept aside")
        << true << u"no-origin"_s << true << true;
}

void TestSampleProject::renewal()
{
    QFETCH(bool, bundledChanges);
    QFETCH(QString, userEdit);
    QFETCH(bool, renewed);
    QFETCH(bool, kept);

    QVERIFY(SampleProject::ensureCopy(bundled(), copy()).ok());
    const QByteArray edited = R"({"id": "sp-check", "name": "mine"})";
    if (userEdit == u"edit")
        QVERIFY(writeFile(copy() + u"/pipes/sp-check.json"_s, edited));
    else if (userEdit == u"run")
        QVERIFY(writeFile(copy() + u"/.journeybench/events.sqlite"_s, "events"));
    else if (userEdit == u"no-origin")
        QVERIFY(QFile::remove(copy() + u'/' + QString::fromLatin1(SampleProject::originFileName)));
    const QByteArray before = SampleProject::fingerprint(copy());
    if (bundledChanges)
        QVERIFY(writeFile(bundled() + u"/pipes/erp-orders.json"_s, R"({"id": "erp-orders"})"));

    const auto made = SampleProject::ensureCopy(bundled(), copy());
    QVERIFY2(made.ok(), qPrintable(made.errorString()));
    QCOMPARE(made.value().folder, copy());
    QCOMPARE(made.value().renewed, renewed);
    QCOMPARE(!made.value().keptAs.isEmpty(), kept);
    QCOMPARE(keptFolders().size(), kept ? 1 : 0);
    if (renewed) // the copy is the new sample
        QCOMPARE(SampleProject::fingerprint(copy()), SampleProject::fingerprint(bundled()));
    else // the copy is the user's, untouched
        QCOMPARE(SampleProject::fingerprint(copy()), before);
    if (kept) { // nothing of the user's is lost
        QCOMPARE(SampleProject::fingerprint(made.value().keptAs), before);
        if (userEdit == u"edit")
            QCOMPARE(readFile(made.value().keptAs + u"/pipes/sp-check.json"_s), edited);
        if (userEdit == u"run")
            QCOMPARE(readFile(made.value().keptAs + u"/.journeybench/events.sqlite"_s), QByteArray("events"));
    }
    // opening again changes nothing more
    const auto again = SampleProject::ensureCopy(bundled(), copy());
    QVERIFY(again.ok());
    QVERIFY(!again.value().renewed);
    QCOMPARE(keptFolders().size(), kept ? 1 : 0);
}

void TestSampleProject::missingBundledSample()
{
    const QString nowhere = m_dir.filePath(u"not-installed"_s);
    // no sample and no copy: a clear error, nothing made
    const auto failed = SampleProject::ensureCopy(nowhere, copy());
    QVERIFY(!failed.ok());
    QVERIFY2(failed.errorString().contains(u"was not found at"_s), qPrintable(failed.errorString()));
    QVERIFY(!QFileInfo::exists(copy()));
    // a copy but no sample to compare with: the copy as it is
    QVERIFY(SampleProject::ensureCopy(bundled(), copy()).ok());
    QVERIFY(writeFile(copy() + u"/pipes/sp-check.json"_s, "{}"));
    const auto made = SampleProject::ensureCopy(nowhere, copy());
    QVERIFY(made.ok());
    QVERIFY(!made.value().renewed);
    QCOMPARE(readFile(copy() + u"/pipes/sp-check.json"_s), QByteArray("{}"));
}

void TestSampleProject::fingerprintIgnoresWorkFiles()
{
    const QByteArray clean = SampleProject::fingerprint(bundled());
    QVERIFY(writeFile(bundled() + u"/.journeybench/events.sqlite"_s, "x"));
    QVERIFY(writeFile(bundled() + u"/.gitignore"_s, ".journeybench/\n"));
    QCOMPARE(SampleProject::fingerprint(bundled()), clean);
    // a renamed file is a change even with the same bytes
    QVERIFY(QFile::rename(bundled() + u"/pipes/sp-check.json"_s, bundled() + u"/pipes/other.json"_s));
    QVERIFY(SampleProject::fingerprint(bundled()) != clean);
}

QTEST_GUILESS_MAIN(TestSampleProject)
#include "tst_sampleproject.moc"
