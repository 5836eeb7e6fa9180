#include "checklist.h"
#include "journeyschema.h"
#include "projectdocument.h"
#include "projectformat.h"
#include "projectloader.h"
#include "projecttree.h"

#include <QDir>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;
using jb::testing::ProjectTree;

namespace {

QStringList printed(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics)
        lines.append(diagnostic.format());
    return lines;
}

// How many entity files the sample holds: every *.json in the folders of the kinds we know.
int sampleEntityFiles()
{
    return ProjectTree::countJsonFiles(QStringLiteral(JB_SAMPLE_DIR), JourneySchema::folders());
}

// The files a project's format owns (the manifest and the entity folders), without any other file the
// folder holds (sample data, notes).
ProjectTree::Checksums projectFiles(const ProjectTree::Checksums &all)
{
    ProjectTree::Checksums owned;
    const QStringList folders = JourneySchema::folders();
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (it.key() == manifestFileName || folders.contains(it.key().section(u'/', 0, 0)))
            owned.insert(it.key(), it.value());
    }
    return owned;
}

// Marks every entity and the manifest dirty by putting each back as it is.
void touchEverything(ProjectDocument &document)
{
    for (const KindSpec &kind : JourneySchema::kinds()) {
        for (int row = 0; row < document.count(kind.kind); ++row)
            document.replace(kind.kind, row, document.at(kind.kind, row).data);
    }
    document.setManifest(document.manifest());
}

// A server as a person edited it by hand: keys out of order, and keys this version does not know,
// at the top level and inside an item of "ports".
const QByteArray handEditedServer = R"({
  "zz-audit": {"by": "ops", "at": "2026-11-01"},
  "id": "erp-app",
  "name": "ERP application server",
  "x-rack": "B12",
  "ip": "127.0.0.1",
  "ports": [
    {"x-vlan": 120, "port": 8443, "protocol": "https", "purpose": "ERP orders API"}
  ],
  "firewall": "requested"
}
)";

const QByteArray handEditedManifest = R"({
  "x-generator": "hand",
  "name": "Tiny",
  "schemaVersion": 1,
  "checklist": {
    "connection": {
      "tls-checked": {"x-ticket": "SEC-9", "status": "in-progress"},
      "x-note": "keep me"
    }
  },
  "timeline": {"connection": {"x-milestone": "kick-off", "owner": "Marina"}}
}
)";

} // namespace

// Load -> save gives back the same bytes; unknown keys survive; an unchanged project writes nothing.
class TestProjectRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleIsByteIdentical();
    void saveAsGivesTheSameTree();
    void unchangedSaveWritesNothing();
    void unknownKeysSurviveAnEdit();
};

void TestProjectRoundTrip::sampleIsByteIdentical()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(ProjectTree::copySample(dir.path()));
    const ProjectTree::Checksums before = ProjectTree::checksums(dir.path());

    Result<ProjectLoad> loaded = ProjectLoader::load(dir.path());
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    QCOMPARE(printed(loaded.value().diagnostics).join(u'\n'), QString());
    ProjectDocument document;
    document.reset(loaded.value().data);
    QVERIFY(sampleEntityFiles() >= 41);
    QCOMPARE(document.allEntities().size(), sampleEntityFiles());

    touchEverything(document);
    QVERIFY(document.isModified());
    // what a save would write for every file is exactly what the file holds
    const QDir folder(dir.path());
    QStringList different;
    for (const EntityRecord &record : document.allEntities()) {
        if (ProjectFormat::entityBytes(record) != ProjectTree::read(folder.filePath(record.path)))
            different.append(record.path);
    }
    if (ProjectFormat::manifestBytes(document.manifest())
        != ProjectTree::read(folder.filePath(manifestFileName)))
        different.append(manifestFileName);
    QCOMPARE(different.join(u", "_s), QString()); // the files not in canonical form

    const SavePlan plan = document.savePlan();
    QVERIFY(plan.isEmpty());
    const SaveOutcome outcome = ProjectWriter::apply(plan);
    document.markSaved(plan, outcome);
    QCOMPARE(outcome.written.join(u'\n'), QString());
    QCOMPARE(outcome.problems.join(u'\n'), QString());
    QVERIFY(!document.isModified());
    QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(dir.path())), QString());
}

void TestProjectRoundTrip::saveAsGivesTheSameTree()
{
    Result<ProjectLoad> loaded = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    ProjectDocument document;
    document.reset(loaded.value().data);

    QTemporaryDir target;
    QVERIFY(target.isValid());
    const SavePlan plan = document.saveAsPlan(target.path());
    QCOMPARE(plan.writes.size(), sampleEntityFiles() + 1);
    const SaveOutcome outcome = ProjectWriter::apply(plan);
    QCOMPARE(outcome.problems.join(u'\n'), QString());
    QCOMPARE(outcome.written.size(), plan.writes.size());
    document.moveTo(target.path(), plan, outcome);
    QVERIFY(!document.isModified());

    // every file written anew, byte for byte the sample's
    QCOMPARE(ProjectTree::changes(projectFiles(ProjectTree::checksums(QStringLiteral(JB_SAMPLE_DIR))),
                 ProjectTree::checksums(target.path())),
        QString());
    // and the moved document saves nothing more
    touchEverything(document);
    QVERIFY(document.savePlan().isEmpty());
}

void TestProjectRoundTrip::unchangedSaveWritesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(ProjectTree::copySample(dir.path()));
    const QDateTime stamp(QDate(2020, 1, 2), QTime(3, 4, 5), Qt::UTC);
    QVERIFY(ProjectTree::setModificationTimes(dir.path(), stamp));
    const ProjectTree::Checksums before = ProjectTree::checksums(dir.path());

    Result<ProjectLoad> loaded = ProjectLoader::load(dir.path());
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    ProjectDocument document;
    document.reset(loaded.value().data);
    QVERIFY(!document.isModified());
    const SavePlan plan = document.savePlan();
    QVERIFY(plan.isEmpty());
    const SaveOutcome outcome = ProjectWriter::apply(plan);
    QCOMPARE(outcome.written.join(u'\n'), QString());
    QCOMPARE(outcome.removed.join(u'\n'), QString());
    QCOMPARE(outcome.problems.join(u'\n'), QString());

    QCOMPARE(ProjectTree::modifiedSince(dir.path(), stamp).join(u'\n'), QString());
    QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(dir.path())), QString());
}

void TestProjectRoundTrip::unknownKeysSurviveAnEdit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(ProjectTree::copySample(dir.path()));
    const QDir folder(dir.path());
    QVERIFY(ProjectTree::write(folder.filePath(u"servers/erp-app.json"_s), handEditedServer));
    QVERIFY(ProjectTree::write(folder.filePath(manifestFileName), handEditedManifest));
    // a folder of a kind this version does not know (a newer file) is left alone
    QVERIFY(
        ProjectTree::write(folder.filePath(u"scratch/consulta-cep.json"_s), "{\"id\": \"consulta-cep\"}\n"));
    const ProjectTree::Checksums before = ProjectTree::checksums(dir.path());

    Result<ProjectLoad> loaded = ProjectLoader::load(dir.path());
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    QCOMPARE(printed(loaded.value().diagnostics).join(u'\n'), QString());
    ProjectDocument document;
    document.reset(loaded.value().data);

    // edit one known field of the server and one checklist item of the manifest
    const int row = document.rowOf(u"server"_s, u"erp-app"_s);
    QVERIFY(row >= 0);
    QJsonObject server = document.at(u"server"_s, row).data;
    server.insert(u"name"_s, u"ERP app server (edited)"_s);
    document.replace(u"server"_s, row, server);
    ChecklistItem tls;
    for (const ChecklistItem &item : Checklist::items(document.manifest(), Phase::Connection)) {
        if (item.id == u"tls-checked")
            tls = item;
    }
    QCOMPARE(tls.status, ChecklistItem::Status::InProgress);
    tls.status = ChecklistItem::Status::Done;
    document.setManifest(Checklist::withItem(document.manifest(), Phase::Connection, tls));

    SavePlan plan = document.savePlan();
    SaveOutcome outcome = ProjectWriter::apply(plan);
    document.markSaved(plan, outcome);
    QCOMPARE(outcome.problems.join(u'\n'), QString());
    QCOMPARE(outcome.written, (QStringList{u"journey.json"_s, u"servers/erp-app.json"_s}));
    QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(dir.path())),
        u"~journey.json\n~servers/erp-app.json"_s);

    // known keys in the schema's order, unknown ones after them, alphabetically, at every level
    const QByteArray expectedServer = R"json({
  "id": "erp-app",
  "name": "ERP app server (edited)",
  "ip": "127.0.0.1",
  "firewall": "requested",
  "ports": [
    {
      "port": 8443,
      "protocol": "https",
      "purpose": "ERP orders API",
      "x-vlan": 120
    }
  ],
  "x-rack": "B12",
  "zz-audit": {
    "at": "2026-11-01",
    "by": "ops"
  }
}
)json";
    const QByteArray expectedManifest = R"({
  "schemaVersion": 1,
  "name": "Tiny",
  "checklist": {
    "connection": {
      "tls-checked": {
        "status": "done",
        "x-ticket": "SEC-9"
      },
      "x-note": "keep me"
    }
  },
  "timeline": {
    "connection": {
      "owner": "Marina",
      "x-milestone": "kick-off"
    }
  },
  "x-generator": "hand"
}
)";
    QCOMPARE(ProjectTree::read(folder.filePath(u"servers/erp-app.json"_s)), expectedServer);
    QCOMPARE(ProjectTree::read(folder.filePath(manifestFileName)), expectedManifest);

    // the order is stable: a second edit changes only the edited line
    server.insert(u"name"_s, u"ERP application server"_s);
    document.replace(u"server"_s, row, server);
    plan = document.savePlan();
    outcome = ProjectWriter::apply(plan);
    document.markSaved(plan, outcome);
    QCOMPARE(outcome.written, QStringList{u"servers/erp-app.json"_s});
    QCOMPARE(ProjectTree::read(folder.filePath(u"servers/erp-app.json"_s)),
        QByteArray(expectedServer).replace("ERP app server (edited)", "ERP application server"));

    // and the project with unknown keys, now canonical, round-trips byte for byte
    const ProjectTree::Checksums saved = ProjectTree::checksums(dir.path());
    Result<ProjectLoad> reloaded = ProjectLoader::load(dir.path());
    QVERIFY2(reloaded.ok(), qPrintable(reloaded.errorString()));
    ProjectDocument again;
    again.reset(reloaded.value().data);
    QCOMPARE(again.find(u"server"_s, u"erp-app"_s)->data.value(u"ports"_s)[0][u"x-vlan"_s].toInt(), 120);
    touchEverything(again);
    QStringList rewritten;
    for (const SavePlan::Write &write : again.savePlan().writes)
        rewritten.append(write.path + u": "_s + QString::fromUtf8(write.bytes));
    QCOMPARE(rewritten.join(u'\n'), QString());
    QCOMPARE(ProjectTree::changes(saved, ProjectTree::checksums(dir.path())), QString());
    QVERIFY(QFileInfo::exists(folder.filePath(u"scratch/consulta-cep.json"_s)));
}

QTEST_APPLESS_MAIN(TestProjectRoundTrip)
#include "tst_projectroundtrip.moc"
