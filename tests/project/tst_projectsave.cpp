#include "projectdocument.h"
#include "projectformat.h"
#include "projectloader.h"
#include "projecttree.h"
#include "projectvalidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace jb;
using jb::testing::ProjectTree;

namespace {

const QDateTime stamp(QDate(2020, 1, 2), QTime(3, 4, 5), Qt::UTC);

// A copy of the sample, every file stamped with the same time, loaded into a document.
struct Fixture
{
    QTemporaryDir dir;
    ProjectDocument document;
    ProjectTree::Checksums before;

    bool open()
    {
        if (!dir.isValid() || !ProjectTree::copySample(dir.path())
            || !ProjectTree::setModificationTimes(dir.path(), stamp))
            return false;
        Result<ProjectLoad> loaded = ProjectLoader::load(dir.path());
        if (!loaded || !loaded.value().diagnostics.isEmpty())
            return false;
        document.reset(loaded.value().data);
        before = ProjectTree::checksums(dir.path());
        return true;
    }
    QString path(const QString &relative) const { return QDir(dir.path()).filePath(relative); }
    QString changes() const { return ProjectTree::changes(before, ProjectTree::checksums(dir.path())); }
    SaveOutcome save()
    {
        const SavePlan plan = document.savePlan();
        const SaveOutcome outcome = ProjectWriter::apply(plan);
        document.markSaved(plan, outcome);
        return outcome;
    }
    void set(const QString &kind, const QString &id, const QString &key, const QJsonValue &value)
    {
        const int row = document.rowOf(kind, id);
        QJsonObject data = document.at(kind, row).data;
        data.insert(key, value);
        document.replace(kind, row, data);
    }
};

QStringList paths(const QList<SavePlan::Write> &writes)
{
    QStringList result;
    for (const SavePlan::Write &write : writes)
        result.append(write.path);
    return result;
}

} // namespace

// A save writes exactly the files whose entity changed, deletes removed entities' files, renames a
// file whose id changed, and never overwrites a file that changed on disk since it was read.
class TestProjectSave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editWritesOnlyThatFile_data();
    void editWritesOnlyThatFile();
    void editedBackWritesNothing();
    void removeDeletesTheFile();
    void idChangeRenamesTheFile();
    void idChangedBackWritesNothing();
    void idChangeToATakenIdOverwritesNothing_data();
    void idChangeToATakenIdOverwritesNothing();
    void insertWritesANewFile();
    void changedOnDiskIsNotOverwritten_data();
    void changedOnDiskIsNotOverwritten();
};

void TestProjectSave::editWritesOnlyThatFile_data()
{
    QTest::addColumn<QString>("kind"); // empty: the manifest
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("file");

    QTest::addRow("a server's name") << u"server"_s << u"erp-app"_s << u"name"_s
                                     << QJsonValue(u"ERP app (renamed)"_s) << u"servers/erp-app.json"_s;
    QTest::addRow("a server's ports")
        << u"server"_s << u"pg-customers"_s << u"ports"_s
        << QJsonValue(QJsonArray{QJsonObject{{u"port"_s, 5433}}}) << u"servers/pg-customers.json"_s;
    QTest::addRow("a VPN in the shared connections folder")
        << u"vpn"_s << u"vpn-erp-hosting"_s << u"ikeLifetime"_s << QJsonValue(86400)
        << u"connections/vpn-erp-hosting.json"_s;
    QTest::addRow("an endpoint in the shared connections folder")
        << u"endpoint"_s << u"viacep-test"_s << u"notes"_s << QJsonValue(u"Não usar em produção"_s)
        << u"connections/viacep-test.json"_s;
    QTest::addRow("a contract") << u"contract"_s << u"consulta-cep-request"_s << u"description"_s
                                << QJsonValue(u"8 digits"_s) << u"contracts/consulta-cep-request.json"_s;
    QTest::addRow("an unknown key on a flow") << u"flow"_s << u"customer-sync"_s << u"x-ticket"_s
                                              << QJsonValue(u"INT-7"_s) << u"flows/customer-sync.json"_s;
    QTest::addRow("the manifest") << QString() << QString() << u"owner"_s << QJsonValue(u"Lucas Ferreira"_s)
                                  << u"journey.json"_s;
}

void TestProjectSave::editWritesOnlyThatFile()
{
    QFETCH(QString, kind);
    QFETCH(QString, id);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, file);

    Fixture f;
    QVERIFY(f.open());
    if (kind.isEmpty()) {
        QJsonObject manifest = f.document.manifest();
        manifest.insert(key, value);
        f.document.setManifest(manifest);
    } else {
        QVERIFY(f.document.rowOf(kind, id) >= 0);
        f.set(kind, id, key, value);
    }
    QCOMPARE(paths(f.document.savePlan().writes), QStringList{file});

    const SaveOutcome outcome = f.save();
    QCOMPARE(outcome.problems.join(u'\n'), QString());
    QCOMPARE(outcome.written, QStringList{file});
    QCOMPARE(outcome.removed.join(u'\n'), QString());
    QVERIFY(!f.document.isModified());
    QCOMPARE(f.changes(), QString(u'~' + file));
    QCOMPARE(ProjectTree::modifiedSince(f.dir.path(), stamp), QStringList{file});

    // what was written reads back as the edit, and is in canonical form
    Result<ProjectLoad> reloaded = ProjectLoader::load(f.dir.path());
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded.value().diagnostics.size(), 0);
    ProjectDocument again;
    again.reset(reloaded.value().data);
    if (kind.isEmpty()) {
        QCOMPARE(again.manifest().value(key), value);
        QCOMPARE(ProjectFormat::manifestBytes(again.manifest()), ProjectTree::read(f.path(file)));
    } else {
        const EntityRecord *record = again.find(kind, id);
        QVERIFY(record);
        QCOMPARE(record->data.value(key), value);
        QCOMPARE(ProjectFormat::entityBytes(*record), ProjectTree::read(f.path(file)));
    }
}

void TestProjectSave::editedBackWritesNothing()
{
    Fixture f;
    QVERIFY(f.open());
    const QString name = f.document.find(u"server"_s, u"erp-app"_s)->name();
    f.set(u"server"_s, u"erp-app"_s, u"name"_s, u"something else"_s);
    f.set(u"server"_s, u"erp-app"_s, u"name"_s, name);
    QVERIFY(f.document.savePlan().isEmpty());
    QCOMPARE(f.save().written.join(u'\n'), QString());
    QCOMPARE(ProjectTree::modifiedSince(f.dir.path(), stamp).join(u'\n'), QString());
}

void TestProjectSave::removeDeletesTheFile()
{
    Fixture f;
    QVERIFY(f.open());
    f.document.remove(u"server"_s, f.document.rowOf(u"server"_s, u"erp-app-prod"_s));
    QVERIFY(f.document.isModified());

    const SaveOutcome outcome = f.save();
    QCOMPARE(outcome.problems.join(u'\n'), QString());
    QCOMPARE(outcome.written.join(u'\n'), QString());
    QCOMPARE(outcome.removed, QStringList{u"servers/erp-app-prod.json"_s});
    QVERIFY(!f.document.isModified());
    QCOMPARE(f.changes(), u"-servers/erp-app-prod.json"_s);
    QCOMPARE(ProjectTree::modifiedSince(f.dir.path(), stamp).join(u'\n'), QString());
}

void TestProjectSave::idChangeRenamesTheFile()
{
    Fixture f;
    QVERIFY(f.open());
    const QByteArray oldBytes = ProjectTree::read(f.path(u"servers/logistics-gw.json"_s));
    f.set(u"server"_s, u"logistics-gw"_s, u"id"_s, u"logistics-gateway"_s);

    const SaveOutcome outcome = f.save();
    QCOMPARE(outcome.problems.join(u'\n'), QString());
    QCOMPARE(outcome.written, QStringList{u"servers/logistics-gateway.json"_s});
    QCOMPARE(outcome.removed, QStringList{u"servers/logistics-gw.json"_s});
    QCOMPARE(f.changes(), u"+servers/logistics-gateway.json\n-servers/logistics-gw.json"_s);
    // the new file is the old one with its id changed, nothing else
    QCOMPARE(ProjectTree::read(f.path(u"servers/logistics-gateway.json"_s)),
        QByteArray(oldBytes).replace("\"id\": \"logistics-gw\"", "\"id\": \"logistics-gateway\""));
    QCOMPARE(f.document.at(u"server"_s, f.document.rowOf(u"server"_s, u"logistics-gateway"_s)).path,
        u"servers/logistics-gateway.json"_s);

    // and a second save has nothing left to do
    QVERIFY(f.document.savePlan().isEmpty());
}

void TestProjectSave::idChangedBackWritesNothing()
{
    Fixture f;
    QVERIFY(f.open());
    f.set(u"server"_s, u"logistics-gw"_s, u"id"_s, u"logistics-gateway"_s);
    f.set(u"server"_s, u"logistics-gateway"_s, u"id"_s, u"logistics-gw"_s);
    QVERIFY(f.document.savePlan().isEmpty());
    const SaveOutcome outcome = f.save();
    QCOMPARE(outcome.written.join(u'\n'), QString());
    QCOMPARE(outcome.removed.join(u'\n'), QString());
    QCOMPARE(f.changes(), QString());
}

void TestProjectSave::idChangeToATakenIdOverwritesNothing_data()
{
    QTest::addColumn<QString>("newId");
    QTest::addColumn<QStringList>("problems"); // what validate says afterwards

    // the VPN still names the old id
    const QString dangling = u"connections/vpn-erp-hosting.json:27:5: server \"erp-app\" does not exist"_s;
    QTest::addRow("the id of another server")
        << u"pg-customers"_s
        << QStringList{dangling,
               u"servers/erp-app.json:2:9: duplicate id \"pg-customers\": servers/pg-customers.json has it too"_s,
               u"servers/pg-customers.json:2:9: duplicate id \"pg-customers\": servers/erp-app.json has it too"_s};
    QTest::addRow("the id of a file that failed to load") << u"broken"_s << QStringList{dangling};
}

void TestProjectSave::idChangeToATakenIdOverwritesNothing()
{
    QFETCH(QString, newId);
    QFETCH(QStringList, problems);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(ProjectTree::copySample(dir.path()));
    const QDir folder(dir.path());
    QVERIFY(
        ProjectTree::write(folder.filePath(u"servers/broken.json"_s), "{\"id\": \"broken\", \"ports\": 22}"));
    Result<ProjectLoad> loaded = ProjectLoader::load(dir.path());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().data.failedPaths.size(), 1);
    ProjectDocument document;
    document.reset(loaded.value().data);
    const ProjectTree::Checksums before = ProjectTree::checksums(dir.path());

    const int row = document.rowOf(u"server"_s, u"erp-app"_s);
    QJsonObject server = document.at(u"server"_s, row).data;
    server.insert(u"id"_s, newId);
    document.replace(u"server"_s, row, server);
    // the entity keeps its file: the one that holds that id stays as it is
    QCOMPARE(document.at(u"server"_s, row).path, u"servers/erp-app.json"_s);
    const SavePlan plan = document.savePlan();
    const SaveOutcome outcome = ProjectWriter::apply(plan);
    document.markSaved(plan, outcome);
    QCOMPARE(outcome.problems.join(u'\n'), QString());
    QCOMPARE(outcome.written, QStringList{u"servers/erp-app.json"_s});
    QCOMPARE(outcome.removed.join(u'\n'), QString());
    QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(dir.path())), u"~servers/erp-app.json"_s);

    QStringList reported;
    for (const Diagnostic &diagnostic : ProjectValidator::validate(document))
        reported.append(diagnostic.format().remove(0, dir.path().size() + 1));
    QCOMPARE(reported.join(u'\n'), problems.join(u'\n'));

    // and back: the id is free again, and the file keeps its name
    server.insert(u"id"_s, u"erp-app"_s);
    document.replace(u"server"_s, row, server);
    QCOMPARE(document.at(u"server"_s, row).path, u"servers/erp-app.json"_s);
    const SavePlan back = document.savePlan();
    QCOMPARE(ProjectWriter::apply(back).written, QStringList{u"servers/erp-app.json"_s});
    QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(dir.path())), QString());
}

void TestProjectSave::insertWritesANewFile()
{
    Fixture f;
    QVERIFY(f.open());
    const QJsonObject server{
        {u"id"_s, u"dns-01"_s}, {u"name"_s, u"DNS"_s}, {u"ip"_s, u"10.0.0.53"_s}, {u"x-extra"_s, true}};
    f.document.insert(u"server"_s, f.document.count(u"server"_s), server);

    const SaveOutcome outcome = f.save();
    QCOMPARE(outcome.problems.join(u'\n'), QString());
    QCOMPARE(outcome.written, QStringList{u"servers/dns-01.json"_s});
    QCOMPARE(f.changes(), u"+servers/dns-01.json"_s);
    QCOMPARE(ProjectTree::read(f.path(u"servers/dns-01.json"_s)),
        QByteArray("{\n  \"id\": \"dns-01\",\n  \"name\": \"DNS\",\n  \"ip\": \"10.0.0.53\",\n"
                   "  \"x-extra\": true\n}\n"));
}

void TestProjectSave::changedOnDiskIsNotOverwritten_data()
{
    QTest::addColumn<QString>("edit"); // what the document does to `file`
    QTest::addColumn<QString>("meanwhile"); // what happens to `file` on disk before the save
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("problem");

    const QString changed = u"not saved, because it changed on disk since it was opened; reopen the project "
                            "to see the other change"_s;
    QTest::addRow("edited, and changed on disk")
        << u"edit"_s << u"change"_s << u"servers/erp-app.json"_s << changed;
    QTest::addRow("edited, and deleted on disk")
        << u"edit"_s << u"delete"_s << u"servers/erp-app.json"_s << changed;
    QTest::addRow("manifest edited, and changed on disk")
        << u"manifest"_s << u"change"_s << u"journey.json"_s << changed;
    QTest::addRow("new, and created on disk meanwhile")
        << u"insert"_s << u"change"_s << u"servers/dns-01.json"_s << changed;
    QTest::addRow("removed, and changed on disk")
        << u"remove"_s << u"change"_s << u"servers/erp-app.json"_s
        << u"not removed, because it changed on disk since it was opened"_s;
}

void TestProjectSave::changedOnDiskIsNotOverwritten()
{
    QFETCH(QString, edit);
    QFETCH(QString, meanwhile);
    QFETCH(QString, file);
    QFETCH(QString, problem);

    Fixture f;
    QVERIFY(f.open());
    if (edit == u"edit") {
        f.set(u"server"_s, u"erp-app"_s, u"name"_s, u"ours"_s);
    } else if (edit == u"manifest") {
        QJsonObject manifest = f.document.manifest();
        manifest.insert(u"owner"_s, u"ours"_s);
        f.document.setManifest(manifest);
    } else if (edit == u"insert") {
        f.document.insert(
            u"server"_s, 0, {{u"id"_s, u"dns-01"_s}, {u"name"_s, u"ours"_s}, {u"ip"_s, u"10.0.0.53"_s}});
    } else {
        f.document.remove(u"server"_s, f.document.rowOf(u"server"_s, u"erp-app"_s));
    }
    // an unrelated edit, which must still be saved
    f.set(u"server"_s, u"pg-customers"_s, u"name"_s, u"PostgreSQL (edited)"_s);

    const QByteArray theirs = "{\n  \"id\": \"theirs\"\n}\n";
    if (meanwhile == u"change")
        QVERIFY(ProjectTree::write(f.path(file), theirs));
    else
        QVERIFY(QFile::remove(f.path(file)));
    const ProjectTree::Checksums onDisk = ProjectTree::checksums(f.dir.path());

    const SaveOutcome outcome = f.save();
    QCOMPARE(outcome.problems, QStringList{f.path(file) + u": "_s + problem});
    QCOMPARE(outcome.written, QStringList{u"servers/pg-customers.json"_s});
    QCOMPARE(outcome.removed.join(u'\n'), QString());
    // the other change is kept, and only the unrelated file was written
    QCOMPARE(
        ProjectTree::changes(onDisk, ProjectTree::checksums(f.dir.path())), u"~servers/pg-customers.json"_s);
    if (meanwhile == u"change")
        QCOMPARE(ProjectTree::read(f.path(file)), theirs);
    else
        QVERIFY(!QFileInfo::exists(f.path(file)));
    // the refused edit is still pending, and refused again
    QVERIFY(f.document.isModified());
    QCOMPARE(f.save().problems, QStringList{f.path(file) + u": "_s + problem});
}

QTEST_APPLESS_MAIN(TestProjectSave)
#include "tst_projectsave.moc"
