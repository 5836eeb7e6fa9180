#include "checklistmodel.h"
#include "documenteditor.h"
#include "navigatormodel.h"
#include "printmodel.h"
#include "projectdocument.h"
#include "testproject.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;
using ItemStatus = jb::ChecklistItem::Status;

namespace jb {

namespace {

// the checklist as text: the item's id (not its title), then status, owner, evidence, sign-off
const test::ModelPrint itemCells{
    .separator = u"|"_s, .roles = {{ChecklistModel::TitleColumn, ChecklistModel::ItemIdRole}}};

} // namespace

class TestChecklistModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shape();
    void statusEdit_data();
    void statusEdit();
    void statusMovesNavigatorCompletion_data();
    void statusMovesNavigatorCompletion();
    void signOffAndUndo();
    void ownerAndEvidence_data();
    void ownerAndEvidence();
    void customItems();
    void otherManifestEditsKeepRows();

private:
    // the phase's checklist and the navigator, both watched before the project is loaded
    ChecklistModel *checklist(Phase phase);

    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DocumentEditor> m_editor;
    std::unique_ptr<QObject> m_models;
    NavigatorModel *m_navigator = nullptr;
};

void TestChecklistModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestChecklistModel::init()
{
    m_document = std::make_unique<ProjectDocument>();
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<DocumentEditor>(m_document.get(), m_stack.get());
    m_models = std::make_unique<QObject>();
    m_navigator = new NavigatorModel(m_document.get(), m_models.get());
    new QAbstractItemModelTester(
        m_navigator, QAbstractItemModelTester::FailureReportingMode::QtTest, m_navigator);
}

void TestChecklistModel::cleanup()
{
    m_models.reset();
    m_navigator = nullptr;
    m_stack.reset();
    m_editor.reset();
    m_document.reset();
}

ChecklistModel *TestChecklistModel::checklist(Phase phase)
{
    auto *model = new ChecklistModel(m_editor.get(), phase, m_models.get());
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
    m_document->reset(test::project());
    return model;
}

void TestChecklistModel::shape()
{
    ChecklistModel *model = checklist(Phase::Connection);
    QCOMPARE(model->phase(), Phase::Connection);
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(model->columnCount(), int(ChecklistModel::ColumnCount));
    QCOMPARE(model->headerData(ChecklistModel::SignoffColumn, Qt::Horizontal).toString(), u"Sign-off"_s);
    QCOMPARE(test::printModel(*model, itemCells),
        u"vpn-parameters|Open|||\n"
        "encryption-domains|Open|||\n"
        "endpoints-recorded|Open|||\n"
        "reachability-tested|Open|||\n"
        "tls-checked|Open|||\n"
        "vpn-document|Open|||"_s);
    QCOMPARE(model->index(0, 0).data(ChecklistModel::StatusChoicesRole).toStringList(),
        QStringList({u"Open"_s, u"In progress"_s, u"Done"_s, u"N/A"_s}));
    QCOMPARE(model->index(5, 0).data(ChecklistModel::NeedsSignoffRole).toBool(), true);
    QCOMPARE(model->index(0, 0).data(ChecklistModel::NeedsSignoffRole).toBool(), false);
    QVERIFY(model->flags(model->index(0, ChecklistModel::StatusColumn)) & Qt::ItemIsEditable);
    QVERIFY(!(model->flags(model->index(0, ChecklistModel::SignoffColumn)) & Qt::ItemIsEditable));
    QVERIFY(!(model->flags(model->index(0, ChecklistModel::TitleColumn)) & Qt::ItemIsEditable));
}

void TestChecklistModel::statusEdit_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("status");

    QTest::addRow("label") << QVariant(u"Done"_s) << true << int(ItemStatus::Done);
    QTest::addRow("label, other case") << QVariant(u"in PROGRESS"_s) << true << int(ItemStatus::InProgress);
    QTest::addRow("key") << QVariant(u"in-progress"_s) << true << int(ItemStatus::InProgress);
    QTest::addRow("key n/a") << QVariant(u"n/a"_s) << true << int(ItemStatus::NotApplicable);
    QTest::addRow("enum number") << QVariant(int(ItemStatus::Done)) << true << int(ItemStatus::Done);
    QTest::addRow("unknown word") << QVariant(u"finished"_s) << false << int(ItemStatus::Open);
    QTest::addRow("number out of range") << QVariant(7) << false << int(ItemStatus::Open);
}

void TestChecklistModel::statusEdit()
{
    QFETCH(QVariant, value);
    QFETCH(bool, accepted);
    QFETCH(int, status);

    ChecklistModel *model = checklist(Phase::ServersDb);
    const QModelIndex cell = model->index(1, ChecklistModel::StatusColumn);
    const QJsonObject before = m_document->manifest();
    QCOMPARE(model->setData(cell, value), accepted);
    QCOMPARE(cell.data(ChecklistModel::StatusRole).toInt(), status);
    QCOMPARE(model->item(1).status, ItemStatus(status));
    QCOMPARE(Checklist::items(m_document->manifest(), Phase::ServersDb).at(1).status, ItemStatus(status));
    QCOMPARE(m_stack->count(), accepted ? 1 : 0);
    if (accepted) {
        QCOMPARE(cell.data().toString(), ChecklistItem::statusLabel(ItemStatus(status)));
        m_stack->undo();
        QCOMPARE(m_document->manifest(), before);
        QCOMPARE(cell.data(ChecklistModel::StatusRole).toInt(), int(ItemStatus::Open));
    }
}

void TestChecklistModel::statusMovesNavigatorCompletion_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("complete");
    QTest::addColumn<int>("total");

    QTest::addRow("done") << 0 << u"Done"_s << 1 << 6;
    QTest::addRow("in progress counts for nothing") << 0 << u"In progress"_s << 0 << 6;
    QTest::addRow("n/a leaves the total") << 2 << u"N/A"_s << 0 << 5;
    QTest::addRow("done, but a sign-off is due") << 5 << u"Done"_s << 0 << 6;
}

void TestChecklistModel::statusMovesNavigatorCompletion()
{
    QFETCH(int, row);
    QFETCH(QString, status);
    QFETCH(int, complete);
    QFETCH(int, total);

    ChecklistModel *model = checklist(Phase::Connection);
    const QModelIndex phase = m_navigator->index(0);
    QCOMPARE(phase.data(NavigatorModel::CompleteCountRole).toInt(), 0);
    QCOMPARE(phase.data(NavigatorModel::TotalCountRole).toInt(), 6);
    QSignalSpy changed(m_navigator, &QAbstractItemModel::dataChanged);

    QVERIFY(model->setData(model->index(row, ChecklistModel::StatusColumn), status));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(phase.data(NavigatorModel::CompleteCountRole).toInt(), complete);
    QCOMPARE(phase.data(NavigatorModel::TotalCountRole).toInt(), total);
    QCOMPARE(phase.data(NavigatorModel::CompletionRole).toDouble(), double(complete) / total);
    QCOMPARE(model->completion().complete, complete);
    QCOMPARE(model->completion().total, total);
    // another phase is not touched
    QCOMPARE(m_navigator->index(1).data(NavigatorModel::TotalCountRole).toInt(), 6);

    m_stack->undo();
    QCOMPARE(phase.data(NavigatorModel::CompleteCountRole).toInt(), 0);
    QCOMPARE(phase.data(NavigatorModel::TotalCountRole).toInt(), 6);
}

void TestChecklistModel::signOffAndUndo()
{
    ChecklistModel *model = checklist(Phase::Connection);
    const int row = 5; // the VPN document needs a signature
    const QModelIndex signoff = model->index(row, ChecklistModel::SignoffColumn);
    QVERIFY(!model->setData(signoff, u"Ana"_s)); // not edited in place
    QVERIFY(model->setData(model->index(row, ChecklistModel::StatusColumn), u"done"_s));
    QCOMPARE(model->index(row, 0).data(ChecklistModel::CompleteRole).toBool(), false);
    QCOMPARE(m_navigator->index(0).data(NavigatorModel::CompleteCountRole).toInt(), 0);

    model->signOff(
        row, {u"Ana Souza"_s, u"2024-05-02T10:30:00-03:00"_s, u"document sent to the partner"_s, {}, {}});
    QCOMPARE(signoff.data().toString(), u"Ana Souza — 2024-05-02"_s);
    QVERIFY(signoff.data(Qt::ToolTipRole).toString().contains(u"document sent"_s));
    QCOMPARE(model->index(row, 0).data(ChecklistModel::CompleteRole).toBool(), true);
    QCOMPARE(model->item(row).signoff.by, u"Ana Souza"_s);
    QCOMPARE(m_navigator->index(0).data(NavigatorModel::CompleteCountRole).toInt(), 1);
    const QJsonObject signedManifest = m_document->manifest();

    m_stack->undo();
    QCOMPARE(signoff.data().toString(), QString());
    QCOMPARE(model->index(row, 0).data(ChecklistModel::CompleteRole).toBool(), false);
    QCOMPARE(m_navigator->index(0).data(NavigatorModel::CompleteCountRole).toInt(), 0);
    m_stack->redo();
    QCOMPARE(m_document->manifest(), signedManifest);

    model->clearSignoff(row);
    QCOMPARE(signoff.data().toString(), QString());
    QVERIFY(!model->item(row).signoff.isSigned());
    m_stack->undo();
    QCOMPARE(signoff.data().toString(), u"Ana Souza — 2024-05-02"_s);

    // a sign-off without a time is stamped now
    model->signOff(0, {u"Rui"_s, QString(), QString(), {}, {}});
    QVERIFY(QDateTime::fromString(model->item(0).signoff.at, Qt::ISODate).isValid());
    QCOMPARE(signoff.data().toString(), u"Ana Souza — 2024-05-02"_s);
}

void TestChecklistModel::ownerAndEvidence_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QStringList>("evidence");

    QTest::addRow("owner, blanks trimmed")
        << int(ChecklistModel::OwnerColumn) << u"  Ana   Souza "_s << u"Ana Souza"_s << QStringList();
    QTest::addRow("evidence, commas and semicolons")
        << int(ChecklistModel::EvidenceColumn) << u"probes/run-1.json; TICKET-42 , docs/vpn.pdf"_s
        << u"probes/run-1.json, TICKET-42, docs/vpn.pdf"_s
        << QStringList{u"probes/run-1.json"_s, u"TICKET-42"_s, u"docs/vpn.pdf"_s};
    QTest::addRow("evidence, empty parts dropped")
        << int(ChecklistModel::EvidenceColumn) << u",a,, ,b,"_s << u"a, b"_s << QStringList{u"a"_s, u"b"_s};
}

void TestChecklistModel::ownerAndEvidence()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QFETCH(QStringList, evidence);

    ChecklistModel *model = checklist(Phase::Contracts);
    const QModelIndex cell = model->index(2, column);
    QVERIFY(model->setData(cell, text));
    QCOMPARE(cell.data().toString(), shown);
    QCOMPARE(cell.data(Qt::EditRole).toString(), shown);
    QCOMPARE(model->item(2).evidence, evidence);
    const ChecklistItem stored = Checklist::items(m_document->manifest(), Phase::Contracts).at(2);
    QCOMPARE(column == ChecklistModel::OwnerColumn ? stored.owner : stored.evidence.join(u", "_s), shown);
    m_stack->undo();
    QCOMPARE(cell.data().toString(), QString());
    QVERIFY(!m_document->manifest().value(u"checklist"_s).toObject().contains(u"contracts"_s));
}

void TestChecklistModel::customItems()
{
    ChecklistModel *model = checklist(Phase::Systems);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QCOMPARE(model->rowCount(), 4);

    QCOMPARE(model->addCustomItem(u"Cópia de segurança"_s), 4);
    QCOMPARE(model->addCustomItem(u"Backup plan"_s), 4); // custom items are kept in id order
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(test::printModel(*model, itemCells).section(u'\n', 4),
        u"backup-plan|Open|||\ncopia-de-seguranca|Open|||"_s);
    QCOMPARE(model->addCustomItem(u"Backup plan"_s), 5);
    QCOMPARE(model->item(5).id, u"backup-plan-2"_s);
    QVERIFY(model->item(4).custom);
    QCOMPARE(model->addCustomItem(u"   "_s), -1);

    // a custom item's title is editable; a journey item's is not, nor can it be removed
    QVERIFY(model->flags(model->index(4, ChecklistModel::TitleColumn)) & Qt::ItemIsEditable);
    QVERIFY(model->setData(model->index(4, ChecklistModel::TitleColumn), u"Backup and restore plan"_s));
    QCOMPARE(model->index(4, 0).data().toString(), u"Backup and restore plan"_s);
    QVERIFY(!model->setData(model->index(0, ChecklistModel::TitleColumn), u"Renamed"_s));
    model->removeCustomItem(0);
    QCOMPARE(model->rowCount(), 7);

    // a custom item counts towards the phase
    QCOMPARE(m_navigator->index(2).data(NavigatorModel::TotalCountRole).toInt(), 7);
    model->removeCustomItem(5);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(m_navigator->index(2).data(NavigatorModel::TotalCountRole).toInt(), 6);
    m_stack->undo();
    QCOMPARE(model->item(5).id, u"backup-plan-2"_s);
    while (m_stack->canUndo())
        m_stack->undo();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(m_document->manifest(), test::project().manifest);
}

void TestChecklistModel::otherManifestEditsKeepRows()
{
    ChecklistModel *model = checklist(Phase::Pipes);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QJsonObject manifest = m_document->manifest();
    manifest.insert(u"timeline"_s, QJsonObject{{u"pipes"_s, QJsonObject{{u"owner"_s, u"Ana"_s}}}});
    m_editor->setManifest(manifest, u"Edit timeline"_s);
    // the state of another phase changes nothing here either
    m_editor->setManifest(Checklist::withPhaseSignoff(
                              m_document->manifest(), Phase::Pipes, {u"Ana"_s, u"2024-06-01"_s, {}, {}, {}}),
        u"Sign the phase"_s);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(m_navigator->index(5).data(NavigatorModel::SignedRole).toBool(), true);
    QCOMPARE(m_navigator->index(4).data(NavigatorModel::SignedRole).toBool(), false);
    // a new project replaces everything
    m_document->reset(test::project());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_navigator->index(5).data(NavigatorModel::SignedRole).toBool(), false);
}

} // namespace jb

QTEST_GUILESS_MAIN(jb::TestChecklistModel)
#include "tst_checklistmodel.moc"
