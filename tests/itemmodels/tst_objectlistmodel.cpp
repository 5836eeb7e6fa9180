#include "documenteditor.h"
#include "entitytablemodel.h"
#include "objectlistmodel.h"
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

namespace jb {

namespace {

// the list as text: one line per item, cells separated by '|', check boxes as [x] or [ ]
const test::ModelPrint listCells{.separator = u"|"_s, .checkBoxes = true};

} // namespace

class TestObjectListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shape();
    void editUndoRedo_data();
    void editUndoRedo();
    void invalidValueKeptAndExplained_data();
    void invalidValueKeptAndExplained();
    void lettersForAPortRefused_data();
    void lettersForAPortRefused();
    void checkBox();
    void addDuplicateMoveRemoveUndo();
    void entityChangesUnderneath();
    void entityRenamedIsFollowed();
    void noEntity();

private:
    ObjectListModel *list(const QString &kind, const QString &key, const QString &entity);

    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DocumentEditor> m_editor;
    std::unique_ptr<QObject> m_models;
};

void TestObjectListModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestObjectListModel::init()
{
    m_document = std::make_unique<ProjectDocument>();
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<DocumentEditor>(m_document.get(), m_stack.get());
    m_models = std::make_unique<QObject>();
}

void TestObjectListModel::cleanup()
{
    m_models.reset();
    m_stack.reset();
    m_editor.reset();
    m_document.reset();
}

// Watched by the tester from before the project is loaded and the entity chosen.
ObjectListModel *TestObjectListModel::list(const QString &kind, const QString &key, const QString &entity)
{
    auto *model = new ObjectListModel(m_editor.get(), kind, key, m_models.get());
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
    m_document->reset(test::project());
    model->setEntity(entity);
    return model;
}

void TestObjectListModel::shape()
{
    ObjectListModel *model = list(u"server"_s, u"ports"_s, u"app-server"_s);
    QCOMPARE(model->entityId(), u"app-server"_s);
    QCOMPARE(model->listField().key, u"ports"_s);
    QCOMPARE(model->columnCount(), 3);
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), u"Port *"_s);
    QCOMPARE(model->headerData(1, Qt::Horizontal, ObjectListModel::FieldKeyRole).toString(), u"protocol"_s);
    QCOMPARE(model->index(0, 1).data(ObjectListModel::ChoicesRole).toStringList().value(0), u"tcp"_s);
    QCOMPARE(
        model->index(0, 0).data(ObjectListModel::FieldTypeRole).toInt(), static_cast<int>(FieldType::Port));
    QCOMPARE(model->index(1, 0).data(Qt::EditRole), QVariant(qint64(5432)));
    QCOMPARE(model->index(1, 0).data(ObjectListModel::SortRole), QVariant(5432.0));
    QVERIFY(model->flags(model->index(0, 0)) & Qt::ItemIsEditable);
    QCOMPARE(test::printModel(*model, listCells), u"443|https|API\n5432|postgresql|Orders"_s);
}

void TestObjectListModel::editUndoRedo_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("expected");

    QTest::addRow("port as text") << 0 << 0 << QVariant(u"8443"_s)
                                  << u"8443|https|API\n5432|postgresql|Orders"_s;
    QTest::addRow("port as a number")
        << 1 << 0 << QVariant(5433) << u"443|https|API\n5433|postgresql|Orders"_s;
    QTest::addRow("enum") << 0 << 1 << QVariant(u"tcp"_s) << u"443|tcp|API\n5432|postgresql|Orders"_s;
    QTest::addRow("text with accents")
        << 1 << 2 << QVariant(u"Relatórios"_s) << u"443|https|API\n5432|postgresql|Relatórios"_s;
    QTest::addRow("emptied text") << 0 << 2 << QVariant(QString()) << u"443|https|\n5432|postgresql|Orders"_s;
}

void TestObjectListModel::editUndoRedo()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QVariant, value);
    QFETCH(QString, expected);

    ObjectListModel *model = list(u"server"_s, u"ports"_s, u"app-server"_s);
    const QString before = test::printModel(*model, listCells);
    const QByteArray documentBefore = test::dump(*m_document);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QVERIFY(model->setData(model->index(row, column), value));
    QCOMPARE(test::printModel(*model, listCells), expected);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(m_stack->count(), 1); // one undo step per edit
    const QString key = model->listField().itemFields.at(column).key;
    const QJsonObject item
        = m_document->find(u"server"_s, u"app-server"_s)->data.value(u"ports"_s)[row].toObject();
    QCOMPARE(item.contains(key), !value.toString().isEmpty());

    m_stack->undo();
    QCOMPARE(test::printModel(*model, listCells), before);
    QCOMPARE(test::dump(*m_document), documentBefore);
    m_stack->redo();
    QCOMPARE(test::printModel(*model, listCells), expected);
}

void TestObjectListModel::invalidValueKeptAndExplained_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("explanation");

    QTest::addRow("port too high") << u"server"_s << u"ports"_s << u"app-server"_s << 0 << u"70000"_s
                                   << u"not a port"_s;
    QTest::addRow("port zero") << u"server"_s << u"ports"_s << u"app-server"_s << 0 << u"0"_s
                               << u"not a port"_s;
    QTest::addRow("required emptied")
        << u"server"_s << u"ports"_s << u"app-server"_s << 0 << QString() << u"required"_s;
    QTest::addRow("enum value not a choice")
        << u"server"_s << u"ports"_s << u"app-server"_s << 1 << u"gopher"_s << u"not one of"_s;
    QTest::addRow("regex that does not compile")
        << u"contract"_s << u"fields"_s << u"customer"_s << 3 << u"^[0-9{5}$"_s << u"regular expression"_s;
    QTest::addRow("contact e-mail") << u"vpn"_s << u"contacts"_s << u"partner-vpn"_s << -1 << u"ana@"_s
                                    << u"e-mail"_s;
}

void TestObjectListModel::invalidValueKeptAndExplained()
{
    QFETCH(QString, kind);
    QFETCH(QString, key);
    QFETCH(QString, entity);
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(QString, explanation);

    ObjectListModel *model = list(kind, key, entity);
    if (model->rowCount() == 0) {
        // the VPN has no contacts yet: add one with a name, then edit its e-mail
        QCOMPARE(model->addItem(), 0);
        QVERIFY(model->setData(model->index(0, 0), u"Ana"_s));
        column = 2;
    }
    const QModelIndex cell = model->index(0, column);
    QCOMPARE(cell.data(ObjectListModel::ProblemRole).toString(), QString());
    QVERIFY(model->setData(cell, text));
    QCOMPARE(cell.data().toString(), text); // kept as typed
    const QString problem = cell.data(ObjectListModel::ProblemRole).toString();
    QVERIFY2(problem.contains(explanation), qPrintable(problem));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), problem);
    // only that cell is marked
    QCOMPARE(model->index(0, column == 0 ? 1 : 0).data(ObjectListModel::ProblemRole).toString(), QString());
    m_stack->undo();
    QCOMPARE(cell.data(ObjectListModel::ProblemRole).toString(), QString());
}

void TestObjectListModel::lettersForAPortRefused_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addRow("letters") << QVariant(u"https"_s);
    QTest::addRow("a number with a unit") << QVariant(u"443/tcp"_s);
    QTest::addRow("a list") << QVariant(QStringList{u"a"_s});
}

void TestObjectListModel::lettersForAPortRefused()
{
    QFETCH(QVariant, value);
    ObjectListModel *model = list(u"server"_s, u"ports"_s, u"app-server"_s);
    const QByteArray before = test::dump(*m_document);
    QVERIFY(!model->setData(model->index(0, 0), value));
    QCOMPARE(test::dump(*m_document), before);
    QCOMPARE(m_stack->count(), 0);
}

void TestObjectListModel::checkBox()
{
    ObjectListModel *model = list(u"contract"_s, u"fields"_s, u"customer"_s);
    QCOMPARE(model->columnCount(), 8);
    QCOMPARE(
        test::printModel(*model, listCells), u"customerid|integer|[x]|||||\ncustomeremail|string|[ ]|||||"_s);
    const QModelIndex required = model->index(1, 2);
    QVERIFY(model->flags(required) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model->flags(required) & Qt::ItemIsEditable));
    QVERIFY(model->setData(required, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(required.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(model->setData(model->index(1, 4), u"120"_s)); // max length
    QVERIFY(model->setData(model->index(1, 5), u"a, b"_s)); // allowed values, a list in a cell
    QCOMPARE(test::printModel(*model, listCells),
        u"customerid|integer|[x]|||||\ncustomeremail|string|[x]||120|a, b||"_s);
    m_stack->undo();
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(
        test::printModel(*model, listCells), u"customerid|integer|[x]|||||\ncustomeremail|string|[ ]|||||"_s);
}

void TestObjectListModel::addDuplicateMoveRemoveUndo()
{
    ObjectListModel *model = list(u"server"_s, u"ports"_s, u"app-server"_s);
    const QByteArray original = test::dump(*m_document);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);

    QCOMPARE(model->addItem(), 2);
    QCOMPARE(test::printModel(*model, listCells), u"443|https|API\n5432|postgresql|Orders\n||"_s);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QVERIFY(model->setData(model->index(2, 0), u"22"_s));
    model->duplicateItem(0);
    QCOMPARE(
        test::printModel(*model, listCells), u"443|https|API\n443|https|API\n5432|postgresql|Orders\n22||"_s);
    model->moveItem(3, 0);
    QCOMPARE(
        test::printModel(*model, listCells), u"22||\n443|https|API\n443|https|API\n5432|postgresql|Orders"_s);
    model->removeItems({1, 3});
    QCOMPARE(test::printModel(*model, listCells), u"22||\n443|https|API"_s);
    QCOMPARE(m_stack->count(), 5);
    // rows 1 and 3 of (22, 443, 443, 5432) leave what removing 2 and 3 leaves: one removal
    QCOMPARE(removed.size(), 1);
    QCOMPARE(reset.size(), 0);

    const QString edited = test::printModel(*model, listCells);
    for (int step = 0; step < 5; ++step)
        m_stack->undo();
    QCOMPARE(test::dump(*m_document), original);
    QCOMPARE(test::printModel(*model, listCells), u"443|https|API\n5432|postgresql|Orders"_s);
    for (int step = 0; step < 5; ++step)
        m_stack->redo();
    QCOMPARE(test::printModel(*model, listCells), edited);

    // emptying the list leaves no empty array in the file
    model->removeItems({0, 1});
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!m_document->find(u"server"_s, u"app-server"_s)->data.contains(u"ports"_s));
    QCOMPARE(reset.size(), 0);
}

void TestObjectListModel::entityChangesUnderneath()
{
    ObjectListModel *model = list(u"server"_s, u"ports"_s, u"db-server"_s);
    QCOMPARE(model->rowCount(), 0);
    const int row = m_document->rowOf(u"server"_s, u"db-server"_s);

    // another view edits the whole list
    m_editor->setField(u"server"_s, row, u"ports"_s,
        QJsonArray{QJsonObject{{u"port"_s, 5432}}, QJsonObject{{u"port"_s, 22}}});
    QCOMPARE(test::printModel(*model, listCells), u"5432||\n22||"_s);
    // an entity before it goes and comes back: the list stays with its entity
    m_editor->removeEntities(u"server"_s, {0});
    QCOMPARE(test::printModel(*model, listCells), u"5432||\n22||"_s);
    QVERIFY(model->setData(model->index(1, 1), u"sftp"_s));
    QCOMPARE(m_document->at(u"server"_s, 0).data.value(u"ports"_s)[1][u"protocol"_s].toString(), u"sftp"_s);
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(test::printModel(*model, listCells), u"5432||\n22||"_s);
    // the entity itself goes: nothing to show; undone: it is back
    m_editor->removeEntities(u"server"_s, {m_document->rowOf(u"server"_s, u"db-server"_s)});
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(model->addItem(), -1);
    m_stack->undo();
    QCOMPARE(test::printModel(*model, listCells), u"5432||\n22||"_s);
    m_stack->undo();
    QCOMPARE(model->rowCount(), 0);
    // a new project: the entity is found again by its id
    m_document->reset(test::project());
    QCOMPARE(model->entityId(), u"db-server"_s);
    QCOMPARE(model->rowCount(), 0);
    model->setEntity(u"app-server"_s);
    QCOMPARE(model->rowCount(), 2);
}

void TestObjectListModel::entityRenamedIsFollowed()
{
    ObjectListModel *model = list(u"server"_s, u"ports"_s, u"app-server"_s);
    auto *table = new EntityTableModel(m_editor.get(), u"server"_s, m_models.get());
    new QAbstractItemModelTester(table, QAbstractItemModelTester::FailureReportingMode::QtTest, table);
    QVERIFY(table->setData(table->index(0, table->columnOf(u"id"_s)), u"api-server"_s));
    QCOMPARE(model->entityId(), u"api-server"_s);
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(model->setData(model->index(0, 0), 444));
    QCOMPARE(
        m_document->find(u"server"_s, u"api-server"_s)->data.value(u"ports"_s)[0][u"port"_s].toInt(), 444);
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(model->entityId(), u"app-server"_s);
    QCOMPARE(test::printModel(*model, listCells), u"443|https|API\n5432|postgresql|Orders"_s);
}

void TestObjectListModel::noEntity()
{
    ObjectListModel *model = list(u"server"_s, u"ports"_s, QString());
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(model->addItem(), -1);
    model->setEntity(u"no-such-server"_s);
    QCOMPARE(model->rowCount(), 0);
    model->setEntity(u"app-server"_s);
    QCOMPARE(model->rowCount(), 2);
    model->setEntity(QString());
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(m_stack->count(), 0);
}

} // namespace jb

QTEST_GUILESS_MAIN(jb::TestObjectListModel)
#include "tst_objectlistmodel.moc"
