// Renaming an entity's id renames its file and every reference to it, as one undoable edit: for a
// few kinds of the sample (copied to a temporary folder), the files a save writes and removes,
// what each reference reads afterwards, and that undo then save gives every file back byte for byte.
#include "documenteditor.h"
#include "projectdocument.h"
#include "projectloader.h"
#include "projectwriter.h"
#include "referencerewriter.h"
#include "testfolder.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

// relative path -> bytes, for every file of a folder
QHash<QString, QByteArray> filesOf(const QString &folder)
{
    QHash<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(folder).relativeFilePath(path), file.readAll());
    }
    return files;
}

// The files that differ between two states of a folder, sorted, each marked + (new), - (gone) or ~.
QString changes(const QHash<QString, QByteArray> &before, const QHash<QString, QByteArray> &after)
{
    QStringList lines;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (!before.contains(it.key()))
            lines.append(u"+ "_s + it.key());
        else if (before.value(it.key()) != it.value())
            lines.append(u"~ "_s + it.key());
    }
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!after.contains(it.key()))
            lines.append(u"- "_s + it.key());
    }
    std::sort(
        lines.begin(), lines.end(), [](const QString &a, const QString &b) { return a.mid(2) < b.mid(2); });
    return lines.join(u'\n');
}

// A JSON value at a slash path ("steps/1/steps/0/mapping") of a file of the folder.
QJsonValue valueAt(const QString &folder, const QString &file, const QString &path)
{
    QFile f(QDir(folder).filePath(file));
    if (!f.open(QIODevice::ReadOnly))
        return QJsonValue::Undefined;
    QJsonValue value = QJsonDocument::fromJson(f.readAll()).object();
    for (const QString &part : path.split(u'/')) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(part);
    }
    return value;
}

} // namespace

class TestEntityRename final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void renamesTheFileAndEveryReference_data();
    void renamesTheFileAndEveryReference();
    void refusesAnIdThatIsTakenOrInvalid_data();
    void refusesAnIdThatIsTakenOrInvalid();
    void renamedIdComesFromTheName_data();
    void renamedIdComesFromTheName();
    void probeSourcesFollow();

private:
    void save();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DocumentEditor> m_editor;
};

void TestEntityRename::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(jb::test::copyFolder(QStringLiteral(JB_SAMPLE_DIR), m_dir->path()));
    Result<ProjectLoad> loaded = ProjectLoader::load(m_dir->path());
    QVERIFY2(loaded, qPrintable(loaded.errorString()));
    QVERIFY(loaded.value().diagnostics.isEmpty());
    m_document = std::make_unique<ProjectDocument>();
    m_document->reset(loaded.value().data);
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<DocumentEditor>(m_document.get(), m_stack.get());
}

void TestEntityRename::save()
{
    const SavePlan plan = m_document->savePlan();
    const SaveOutcome outcome = ProjectWriter::apply(plan);
    QVERIFY2(outcome.problems.isEmpty(), qPrintable(outcome.problems.join(u'\n')));
    m_document->markSaved(plan, outcome);
    QVERIFY(!m_document->isModified());
}

void TestEntityRename::renamesTheFileAndEveryReference_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("oldId");
    QTest::addColumn<QString>("newId");
    QTest::addColumn<QString>("expected"); // the files a save changes
    QTest::addColumn<QString>("file"); // one reference, afterwards
    QTest::addColumn<QString>("path");

    // a pipe step called "viacep" and the tests' "step": "viacep" are not the system: they stay
    QTest::addRow("system: flows, services and contracts name it")
        << u"system"_s << u"viacep"_s << u"viacep-api"_s
        << u"~ contracts/viacep-address.json\n~ flows/consulta-cep-sp.json\n~ services/viacep-cep.json\n"
           u"+ systems/viacep-api.json\n- systems/viacep.json"_s
        << u"flows/consulta-cep-sp.json"_s << u"provider"_s;
    QTest::addRow("server: a VPN's hosts behind the tunnel")
        << u"server"_s << u"erp-app"_s << u"erp-application"_s
        << u"~ connections/vpn-erp-hosting.json\n- servers/erp-app.json\n+ servers/erp-application.json"_s
        << u"connections/vpn-erp-hosting.json"_s << u"hostsBehind/0"_s;
    QTest::addRow("pipe: the test suites' pipe, and a case's event pipe")
        << u"pipe"_s << u"sp-check"_s << u"cep-check"_s
        << u"+ pipes/cep-check.json\n- pipes/sp-check.json\n~ tests/error-treatment-unit.json\n"
           u"~ tests/sp-check-unit.json"_s
        << u"tests/sp-check-unit.json"_s << u"pipe"_s;
    // the database step's id and the tables named "customers" are not the mapping
    QTest::addRow("mapping: a pipe step's mapping")
        << u"mapping"_s << u"customers"_s << u"customer-rows"_s
        << u"+ mappings/customer-rows.json\n- mappings/customers.json\n~ pipes/customer-sync.json"_s
        << u"pipes/customer-sync.json"_s << u"steps/1/steps/0/mapping"_s;
    QTest::addRow("environment: servers' and endpoints' environment")
        << u"environment"_s << u"test"_s << u"homologation"_s
        << u"~ connections/customer-portal-api.json\n~ connections/erp-orders-sftp.json\n"
           u"~ connections/logistics-ftp.json\n~ connections/viacep-test.json\n"
           u"+ environments/homologation.json\n- environments/test.json\n~ servers/erp-app.json\n"
           u"~ servers/logistics-gw.json\n~ servers/pg-customers.json"_s
        << u"servers/erp-app.json"_s << u"environment"_s;
}

void TestEntityRename::renamesTheFileAndEveryReference()
{
    QFETCH(QString, kind);
    QFETCH(QString, oldId);
    QFETCH(QString, newId);
    QFETCH(QString, expected);
    QFETCH(QString, file);
    QFETCH(QString, path);

    const QHash<QString, QByteArray> original = filesOf(m_dir->path());
    QCOMPARE(valueAt(m_dir->path(), file, path).toString(), oldId);
    const int row = m_document->rowOf(kind, oldId);
    QVERIFY(row >= 0);

    QVERIFY(m_editor->renameEntity(kind, row, newId));
    QCOMPARE(m_stack->count(), 1); // one edit, however many files
    QCOMPARE(m_stack->undoText(), u"Rename %1 to %2"_s.arg(oldId, newId));
    QCOMPARE(m_document->at(kind, row).id(), newId);
    save();
    QCOMPARE(changes(original, filesOf(m_dir->path())), expected);
    QCOMPARE(valueAt(m_dir->path(), file, path).toString(), newId);
    QVERIFY(m_editor->referrers(kind, oldId).isEmpty());

    // the reloaded project reads the same: every reference resolves
    Result<ProjectLoad> reloaded = ProjectLoader::load(m_dir->path());
    QVERIFY(reloaded);
    QVERIFY(reloaded.value().diagnostics.isEmpty());

    m_stack->undo();
    QCOMPARE(m_document->at(kind, row).id(), oldId);
    save();
    const QHash<QString, QByteArray> restored = filesOf(m_dir->path());
    QCOMPARE(changes(original, restored), QString());
    QCOMPARE(restored, original); // byte for byte

    m_stack->redo(); // and again, for the redo
    save();
    QCOMPARE(changes(original, filesOf(m_dir->path())), expected);
}

void TestEntityRename::refusesAnIdThatIsTakenOrInvalid_data()
{
    QTest::addColumn<QString>("newId");
    QTest::addRow("its own id") << u"erp-app"_s;
    QTest::addRow("another server's") << u"logistics-gw"_s;
    QTest::addRow("not an id") << u"ERP App"_s;
    QTest::addRow("empty") << QString();
}

void TestEntityRename::refusesAnIdThatIsTakenOrInvalid()
{
    QFETCH(QString, newId);
    const int row = m_document->rowOf(u"server"_s, u"erp-app"_s);
    QVERIFY(!m_editor->renameEntity(u"server"_s, row, newId));
    QCOMPARE(m_stack->count(), 0);
    QVERIFY(!m_document->isModified());
}

void TestEntityRename::renamedIdComesFromTheName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("id");
    QTest::addRow("a new name") << u"ERP Application Server"_s << u"erp-application-server"_s;
    QTest::addRow("a name that makes its own id") << u"ERP app"_s << u"erp-app"_s;
    QTest::addRow("a name another server's id is made of") << u"Logistics GW"_s << u"logistics-gw-2"_s;
    QTest::addRow("accents") << u"Servidor São Paulo"_s << u"servidor-sao-paulo"_s;
}

void TestEntityRename::renamedIdComesFromTheName()
{
    QFETCH(QString, name);
    QFETCH(QString, id);
    QCOMPARE(m_editor->renamedId(u"server"_s, m_document->rowOf(u"server"_s, u"erp-app"_s), name), id);
}

void TestEntityRename::probeSourcesFollow()
{
    const EntityRecord probe{u"probe"_s, u"probes/p.json"_s,
        QJsonObject{{u"id"_s, u"p"_s}, {u"environment"_s, u"test"_s},
            {u"sources"_s, QJsonArray{u"server/erp-app"_s, u"endpoint/erp-app"_s}}}};
    const std::optional<QJsonObject> server
        = ReferenceRewriter::rewrite(probe, u"server"_s, u"erp-app"_s, u"erp-application"_s);
    QVERIFY(server);
    QCOMPARE(server->value(u"sources"_s).toArray(),
        (QJsonArray{u"server/erp-application"_s, u"endpoint/erp-app"_s})); // only the server's
    QCOMPARE(server->value(u"environment"_s).toString(), u"test"_s);
    QVERIFY(!ReferenceRewriter::rewrite(probe, u"database"_s, u"erp-app"_s, u"x"_s));
}

QTEST_GUILESS_MAIN(TestEntityRename)
#include "tst_entityrename.moc"
