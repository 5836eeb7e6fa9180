// Renaming an entity in its table offers, default No, to rename its id too: Yes renames the id,
// the file and every reference, with the name edit itself, as one undoable edit; No (or Enter)
// keeps the id. Typing a new id into the Id column takes the references along the same way.
#include "documenteditor.h"
#include "entityfilterproxy.h"
#include "entitypanel.h"
#include "entitytablemodel.h"
#include "mainwindow.h"
#include "phasepage.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "testfolder.h"

#include <QJsonArray>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace jb;

class TestRenameOffer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void answerDecidesTheId_data();
    void answerDecidesTheId();
    void noOfferWhenTheNameMakesTheSameId();
    void editingTheIdTakesItsReferencesAlong();

private:
    EntityPanel *servers() const { return m_window->phasePage(Phase::ServersDb)->panel(u"server"_s); }
    bool renameInTable(const QString &id, const QString &name);

    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<MainWindow> m_window;
};

void TestRenameOffer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"JourneyBenchTests"_s);
    QCoreApplication::setApplicationName(u"tst_renameoffer"_s);
}

void TestRenameOffer::init()
{
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const QString folder = m_temp->filePath(u"project"_s);
    QVERIFY(jb::test::copyFolder(QStringLiteral(JB_SAMPLE_DIR), folder));
    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->openProject(folder);
    QTRY_COMPARE(opened.size(), 1);
    m_window->showPage(Phases::number(Phase::ServersDb) - 1);
}

void TestRenameOffer::cleanup()
{
    if (m_window) {
        m_window->session()->undoStack()->setClean(); // close without the save question
        m_window->close();
    }
    m_window.reset();
    m_temp.reset();
}

bool TestRenameOffer::renameInTable(const QString &id, const QString &name)
{
    EntityTableModel *model = servers()->model();
    const int row = m_window->session()->document()->rowOf(u"server"_s, id);
    const QModelIndex cell = servers()->proxy()->mapFromSource(model->index(row, model->columnOf(u"name"_s)));
    return servers()->view()->model()->setData(cell, name, Qt::EditRole);
}

void TestRenameOffer::answerDecidesTheId_data()
{
    QTest::addColumn<QMessageBox::StandardButton>("answer");
    QTest::addColumn<QString>("id"); // the server's id afterwards
    QTest::addRow("yes: the id follows") << QMessageBox::Yes << u"erp-application-server-homologation"_s;
    QTest::addRow("no: the id stays") << QMessageBox::No << u"erp-app"_s;
}

void TestRenameOffer::answerDecidesTheId()
{
    QFETCH(QMessageBox::StandardButton, answer);
    QFETCH(QString, id);
    ProjectDocument *document = m_window->session()->document();
    QUndoStack *stack = m_window->session()->undoStack();
    const int countBefore = stack->count();

    QVERIFY(renameInTable(u"erp-app"_s, u"ERP application server (homologation)"_s));
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"renameIdOffer"_s)));
    QVERIFY(box->text().contains(u"erp-application-server-homologation"_s));
    QVERIFY(box->informativeText().contains(u"vpn/vpn-erp-hosting"_s)); // what will follow
    QCOMPARE(static_cast<QAbstractButton *>(box->defaultButton()), box->button(QMessageBox::No));
    box->button(answer)->click();

    const EntityRecord *server = document->find(u"server"_s, id);
    QVERIFY(server);
    QCOMPARE(server->name(), u"ERP application server (homologation)"_s);
    QCOMPARE(server->path, u"servers/%1.json"_s.arg(id));
    const EntityRecord *vpn = document->find(u"vpn"_s, u"vpn-erp-hosting"_s);
    QCOMPARE(vpn->data.value(u"hostsBehind"_s).toArray().first().toString(), id);
    // the name edit and the rename are one step: the stack grew by one either way
    QCOMPARE(stack->count(), countBefore + 1);
    QCOMPARE(stack->undoText(),
        answer == QMessageBox::Yes ? u"Rename erp-app to erp-application-server-homologation"_s
                                   : u"Edit Name of erp-app"_s);

    // and one undo takes back the name, the id, the file and the references together
    stack->undo();
    const EntityRecord *restored = document->find(u"server"_s, u"erp-app"_s);
    QVERIFY(restored);
    QCOMPARE(restored->name(), u"ERP application server"_s);
    QCOMPARE(restored->path, u"servers/erp-app.json"_s);
    QVERIFY(!document->find(u"server"_s, u"erp-application-server-homologation"_s));
    QCOMPARE(document->find(u"vpn"_s, u"vpn-erp-hosting"_s)->data.value(u"hostsBehind"_s).toArray().first(),
        u"erp-app"_s);
    QVERIFY(!m_window->session()->isModified());
}

void TestRenameOffer::noOfferWhenTheNameMakesTheSameId()
{
    QVERIFY(renameInTable(u"erp-app"_s, u"ERP app"_s));
    QTest::qWait(50);
    QVERIFY(!m_window->findChild<QMessageBox *>(u"renameIdOffer"_s));
}

void TestRenameOffer::editingTheIdTakesItsReferencesAlong()
{
    ProjectDocument *document = m_window->session()->document();
    EntityTableModel *model = servers()->model();
    const int row = document->rowOf(u"server"_s, u"erp-app"_s);
    const QModelIndex cell = servers()->proxy()->mapFromSource(model->index(row, model->columnOf(u"id"_s)));
    QVERIFY(servers()->view()->model()->setData(cell, u"erp-main"_s, Qt::EditRole));
    QCOMPARE(document->find(u"vpn"_s, u"vpn-erp-hosting"_s)->data.value(u"hostsBehind"_s).toArray().first(),
        u"erp-main"_s);
    QCOMPARE(document->find(u"server"_s, u"erp-main"_s)->path, u"servers/erp-main.json"_s);
    QCOMPARE(m_window->session()->undoStack()->count(), 1);
    m_window->session()->undoStack()->undo();
    QCOMPARE(document->find(u"vpn"_s, u"vpn-erp-hosting"_s)->data.value(u"hostsBehind"_s).toArray().first(),
        u"erp-app"_s);
    QVERIFY(!m_window->session()->isModified());
}

QTEST_MAIN(TestRenameOffer)
#include "tst_renameoffer.moc"
