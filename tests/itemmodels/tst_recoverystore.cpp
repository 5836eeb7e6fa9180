#include "documenteditor.h"
#include "entitytablemodel.h"
#include "objectlistmodel.h"
#include "projectdocument.h"
#include "recoverystore.h"
#include "testproject.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using Change = std::function<void(jb::DocumentEditor &)>;

namespace jb {

class TestRecoveryStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void writeReadRoundTrip();
    void fileNames();
    void unreadable_data();
    void unreadable();
    void discard();
    void restore_data();
    void restore();
    void restoreWithoutUndoStack();
    void restoreUnchangedLeavesNoStep();

private:
    QString projectFolder() const { return m_projects.filePath(u"orders"_s); }

    std::unique_ptr<QTemporaryDir> m_recoveryDir; // fresh for every test
    QTemporaryDir m_projects;
    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DocumentEditor> m_editor;
    std::unique_ptr<QObject> m_models;
};

void TestRecoveryStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_projects.isValid());
}

void TestRecoveryStore::init()
{
    m_recoveryDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_recoveryDir->isValid());
    m_document = std::make_unique<ProjectDocument>();
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<DocumentEditor>(m_document.get(), m_stack.get());
    m_models = std::make_unique<QObject>();
    // models over the document watch every restore, so its edits must keep them consistent
    for (const QString &kind : {u"server"_s, u"system"_s, u"endpoint"_s}) {
        auto *table = new EntityTableModel(m_editor.get(), kind, m_models.get());
        new QAbstractItemModelTester(table, QAbstractItemModelTester::FailureReportingMode::QtTest, table);
    }
    auto *ports = new ObjectListModel(m_editor.get(), u"server"_s, u"ports"_s, m_models.get());
    new QAbstractItemModelTester(ports, QAbstractItemModelTester::FailureReportingMode::QtTest, ports);
    ports->setEntity(u"app-server"_s);
    m_document->reset(test::project(projectFolder()));
}

void TestRecoveryStore::cleanup()
{
    m_models.reset();
    m_stack.reset();
    m_editor.reset();
    m_document.reset();
    m_recoveryDir.reset();
}

void TestRecoveryStore::writeReadRoundTrip()
{
    const RecoveryStore store(m_recoveryDir->filePath(u"recovery"_s));
    m_editor->setField(u"server"_s, 0, u"name"_s, u"Servidor de aplicação"_s);
    const RecoverySnapshot snapshot = RecoveryStore::snapshotOf(*m_document);
    QCOMPARE(snapshot.projectFolder, projectFolder());
    QCOMPARE(snapshot.entities.size(), m_document->allEntities().size());
    QVERIFY(snapshot.savedAt.isValid());

    QVERIFY(!store.read(projectFolder()).has_value());
    const Status written = store.write(snapshot);
    QVERIFY2(written.ok(), qPrintable(written.errorString()));
    QVERIFY(QFile::exists(store.fileFor(projectFolder())));
    QVERIFY(store.fileFor(projectFolder()).startsWith(m_recoveryDir->filePath(u"recovery/"_s)));

    const std::optional<RecoverySnapshot> read = store.read(projectFolder());
    QVERIFY(read.has_value());
    QCOMPARE(read->projectFolder, snapshot.projectFolder);
    QCOMPARE(read->savedAt, snapshot.savedAt);
    QCOMPARE(test::dump(read->manifest, read->entities), test::dump(snapshot.manifest, snapshot.entities));
    QCOMPARE(test::dump(read->manifest, read->entities), test::dump(*m_document));
}

void TestRecoveryStore::fileNames()
{
    const RecoveryStore store(m_recoveryDir->path());
    QCOMPARE(store.fileFor(projectFolder()), store.fileFor(projectFolder() + u"/"_s));
    QCOMPARE(store.fileFor(projectFolder()), store.fileFor(m_projects.filePath(u"x/../orders"_s)));
    QVERIFY(store.fileFor(projectFolder()) != store.fileFor(m_projects.filePath(u"Orders"_s)));
    QVERIFY(store.fileFor(projectFolder()) != store.fileFor(QString()));
    QCOMPARE(QFileInfo(store.fileFor(projectFolder())).dir().path(), m_recoveryDir->path());
}

void TestRecoveryStore::unreadable_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("empty file") << QByteArray();
    QTest::addRow("truncated JSON") << QByteArray(R"({"projectFolder": "x", "manifest": {)");
    QTest::addRow("not an object") << QByteArray("[1, 2]");
    QTest::addRow("another folder's copy") << QByteArray(R"({"projectFolder": "/elsewhere", "manifest": {},
                                                            "entities": []})");
    QTest::addRow("entities not a list")
        << QByteArray(R"({"projectFolder": "@", "manifest": {}, "entities": 3})");
    QTest::addRow("an entity without data") << QByteArray(
        R"({"projectFolder": "@", "manifest": {}, "entities": [{"kind": "server", "path": "servers/a.json"}]})");
}

void TestRecoveryStore::unreadable()
{
    QFETCH(QByteArray, bytes);
    const RecoveryStore store(m_recoveryDir->path());
    bytes.replace(QByteArray("\"@\""), QByteArray("\"" + QDir::cleanPath(projectFolder()).toUtf8() + "\""));
    QFile file(store.fileFor(projectFolder()));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    QVERIFY(!store.read(projectFolder()).has_value());
    // a good copy of the same folder reads, so it is the bytes that were refused
    QVERIFY(store.write(RecoveryStore::snapshotOf(*m_document)).ok());
    QVERIFY(store.read(projectFolder()).has_value());
}

void TestRecoveryStore::discard()
{
    const RecoveryStore store(m_recoveryDir->path());
    QVERIFY(store.write(RecoveryStore::snapshotOf(*m_document)).ok());
    QVERIFY(store.read(projectFolder()).has_value());
    store.discard(projectFolder());
    QVERIFY(!QFile::exists(store.fileFor(projectFolder())));
    QVERIFY(!store.read(projectFolder()).has_value());
}

void TestRecoveryStore::restore_data()
{
    QTest::addColumn<Change>("unsaved"); // what the crash would have lost
    QTest::addColumn<Change>("afterwards"); // what the reopened project looks like

    const Change nothing = [](DocumentEditor &) {};
    QTest::addRow("an edited field") << Change([](DocumentEditor &e) {
        e.setField(u"server"_s, 0, u"ip"_s, u"10.0.0.50"_s);
    }) << nothing;
    QTest::addRow("an edited list inside an entity") << Change([](DocumentEditor &e) {
        e.setField(u"server"_s, 0, u"ports"_s, QJsonArray{QJsonObject{{u"port"_s, 8443}}});
    }) << nothing;
    QTest::addRow("an added entity") << Change([](DocumentEditor &e) {
        e.addEntity(u"system"_s, {{u"name"_s, u"Billing"_s}, {u"acronym"_s, u"BIL"_s}});
    }) << nothing;
    QTest::addRow("a removed entity")
        << Change([](DocumentEditor &e) { e.removeEntities(u"server"_s, {1}); }) << nothing;
    QTest::addRow("a checklist change") << Change([](DocumentEditor &e) {
        QJsonObject manifest = e.document()->manifest();
        manifest.insert(u"checklist"_s,
            QJsonObject{{u"connection"_s,
                QJsonObject{{u"vpn-parameters"_s, QJsonObject{{u"status"_s, u"done"_s}}}}}});
        e.setManifest(manifest, u"Done"_s);
    }) << nothing;
    QTest::addRow("many changes at once") << Change([](DocumentEditor &e) {
        e.removeEntities(u"server"_s, {0, 2});
        e.addEntity(u"server"_s, {{u"name"_s, u"Mail"_s}, {u"ip"_s, u"10.0.0.9"_s}});
        e.setField(u"endpoint"_s, 0, u"url"_s, u"https://viacep.com.br/ws/01001000/json/"_s);
        e.duplicateEntity(u"system"_s, 1);
    }) << nothing;
    QTest::addRow("reopened with entities the copy lacks")
        << Change([](DocumentEditor &e) { e.setField(u"server"_s, 2, u"ip"_s, u"10.0.0.3"_s); })
        << Change([](DocumentEditor &e) {
               e.addEntity(u"server"_s, {{u"name"_s, u"Saved after the crash"_s}, {u"ip"_s, u"10.0.0.10"_s}});
               e.addEntity(u"database"_s, {{u"name"_s, u"Extra"_s}, {u"driver"_s, u"QSQLITE"_s}});
           });
    QTest::addRow("reopened in another order")
        << Change([](DocumentEditor &e) { e.setField(u"server"_s, 1, u"name"_s, u"Banco SP"_s); })
        << Change([](DocumentEditor &e) {
               // the first server went and came back at the end
               const QJsonObject first = e.document()->at(u"server"_s, 0).data;
               e.removeEntities(u"server"_s, {0});
               e.addEntity(u"server"_s, first);
           });
}

void TestRecoveryStore::restore()
{
    QFETCH(Change, unsaved);
    QFETCH(Change, afterwards);

    const RecoveryStore store(m_recoveryDir->path());
    unsaved(*m_editor);
    QVERIFY(store.write(RecoveryStore::snapshotOf(*m_document)).ok());
    const QByteArray crashed = test::dump(*m_document);

    // the application starts again: the project as saved, maybe edited elsewhere since
    m_stack->clear();
    m_document->reset(test::project(projectFolder()));
    afterwards(*m_editor);
    m_stack->clear();
    const QByteArray reopened = test::dump(*m_document);
    QVERIFY(reopened != crashed);

    const std::optional<RecoverySnapshot> snapshot = store.read(projectFolder());
    QVERIFY(snapshot.has_value());
    RecoveryStore::restore(*snapshot, *m_editor);
    QCOMPARE(test::dump(*m_document), crashed);
    QVERIFY(m_document->isModified());
    QCOMPARE(m_stack->count(), 1); // one step for the whole restore
    QCOMPARE(m_stack->undoText(), u"Restore unsaved changes"_s);

    m_stack->undo();
    QCOMPARE(test::dump(*m_document), reopened);
    m_stack->redo();
    QCOMPARE(test::dump(*m_document), crashed);
}

void TestRecoveryStore::restoreWithoutUndoStack()
{
    const RecoveryStore store(m_recoveryDir->path());
    m_editor->removeEntities(u"server"_s, {0});
    m_editor->addEntity(u"system"_s, {{u"name"_s, u"Billing"_s}});
    const RecoverySnapshot snapshot = RecoveryStore::snapshotOf(*m_document);
    m_document->reset(test::project(projectFolder()));
    DocumentEditor plain(m_document.get(), nullptr);
    RecoveryStore::restore(snapshot, plain);
    QCOMPARE(test::dump(*m_document), test::dump(snapshot.manifest, snapshot.entities));
}

void TestRecoveryStore::restoreUnchangedLeavesNoStep()
{
    const RecoverySnapshot snapshot = RecoveryStore::snapshotOf(*m_document);
    RecoveryStore::restore(snapshot, *m_editor);
    QCOMPARE(m_stack->count(), 0);
    QVERIFY(!m_document->isModified());
}

} // namespace jb

QTEST_GUILESS_MAIN(jb::TestRecoveryStore)
#include "tst_recoverystore.moc"
