#include "documenteditor.h"
#include "entityfilterproxy.h"
#include "entitytablemodel.h"
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

// the rows as their entities' ids, in the order shown, one space between
const test::ModelPrint rowIds{
    .rowSeparator = u" "_s, .columns = {0}, .roles = {{0, EntityTableModel::EntityIdRole}}};

} // namespace

class TestEntityTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void editUndoRedo_data();
    void editUndoRedo();
    void invalidValueKeptAndExplained_data();
    void invalidValueKeptAndExplained();
    void refusedText_data();
    void refusedText();
    void addDuplicateRemoveUndo();
    void brokenReferenceMendedElsewhere();
    void filter_data();
    void filter();
    void filterFollowsEdits();
    void problemFilterFollowsOtherEntities();
    void sortsNumbersAsNumbers();

private:
    EntityTableModel *table(const QString &kind);
    EntityFilterProxy *proxyOver(EntityTableModel *table);
    void load() { m_document->reset(test::project()); }

    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DocumentEditor> m_editor;
    std::unique_ptr<QObject> m_models; // owns the models, and through them their testers
};

void TestEntityTableModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestEntityTableModel::init()
{
    m_document = std::make_unique<ProjectDocument>();
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<DocumentEditor>(m_document.get(), m_stack.get());
    m_models = std::make_unique<QObject>();
}

void TestEntityTableModel::cleanup()
{
    m_models.reset();
    m_stack.reset();
    m_editor.reset();
    m_document.reset();
}

// The model is watched from before the project is loaded, so the tester sees every signal.
EntityTableModel *TestEntityTableModel::table(const QString &kind)
{
    auto *model = new EntityTableModel(m_editor.get(), kind, m_models.get());
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
    return model;
}

EntityFilterProxy *TestEntityTableModel::proxyOver(EntityTableModel *source)
{
    auto *proxy = new EntityFilterProxy(m_models.get());
    new QAbstractItemModelTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, proxy);
    proxy->setSourceModel(source);
    return proxy;
}

void TestEntityTableModel::editUndoRedo_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QJsonValue>("stored");

    QTest::addRow("server IP") << u"server"_s << u"app-server"_s << u"ip"_s << u"10.0.0.9"_s
                               << QJsonValue(u"10.0.0.9"_s);
    QTest::addRow("database port") << u"database"_s << u"orders-db"_s << u"port"_s << u"5433"_s
                                   << QJsonValue(5433);
    QTest::addRow("endpoint URL") << u"endpoint"_s << u"viacep"_s << u"url"_s
                                  << u"https://viacep.com.br/ws/01001000/json/"_s
                                  << QJsonValue(u"https://viacep.com.br/ws/01001000/json/"_s);
    QTest::addRow("VPN peers, a list")
        << u"vpn"_s << u"partner-vpn"_s << u"peerGateways"_s << u"198.51.100.7, 198.51.100.8"_s
        << QJsonValue(QJsonArray{u"198.51.100.7"_s, u"198.51.100.8"_s});
    QTest::addRow("flow pipes, blanks around")
        << u"flow"_s << u"orders"_s << u"pipeCount"_s << u" 3 "_s << QJsonValue(3);
    QTest::addRow("enum") << u"server"_s << u"db-server"_s << u"firewall"_s << u"approved"_s
                          << QJsonValue(u"approved"_s);
    QTest::addRow("accents kept") << u"system"_s << u"erp"_s << u"name"_s << u"Gestão de Pedidos"_s
                                  << QJsonValue(u"Gestão de Pedidos"_s);
    QTest::addRow("emptied value removes the key") << u"server"_s << u"app-server"_s << u"environment"_s
                                                   << QString() << QJsonValue(QJsonValue::Undefined);
}

void TestEntityTableModel::editUndoRedo()
{
    QFETCH(QString, kind);
    QFETCH(QString, id);
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(QJsonValue, stored);

    EntityTableModel *model = table(kind);
    load();
    const int row = m_document->rowOf(kind, id);
    const int column = model->columnOf(key);
    QVERIFY(row >= 0);
    QVERIFY(column >= 0);
    const QByteArray before = test::dump(*m_document);
    const QJsonObject entityBefore = m_document->at(kind, row).data;
    QVERIFY(entityBefore.value(key) != stored);

    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QVERIFY(model->setData(model->index(row, column), text));
    QCOMPARE(m_document->at(kind, row).data.value(key), stored);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(m_stack->count(), 1);
    // nothing else of the entity moved, the key the schema does not know included
    QJsonObject rest = m_document->at(kind, row).data;
    rest.remove(key);
    QJsonObject restBefore = entityBefore;
    restBefore.remove(key);
    QCOMPARE(rest, restBefore);
    const QByteArray after = test::dump(*m_document);

    m_stack->undo();
    QCOMPARE(test::dump(*m_document), before);
    QCOMPARE(model->index(row, column).data().toString(),
        EntityTableModel::displayText(model->fieldAt(column), entityBefore.value(key)));
    m_stack->redo();
    QCOMPARE(test::dump(*m_document), after);
    QCOMPARE(model->index(row, column).data().toString(),
        EntityTableModel::displayText(model->fieldAt(column), stored));
}

void TestEntityTableModel::invalidValueKeptAndExplained_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("explanation"); // a part of the message

    QTest::addRow("IP") << u"server"_s << u"app-server"_s << u"ip"_s << u"10.0.0.256"_s
                        << u"not an IP address"_s;
    QTest::addRow("port") << u"database"_s << u"orders-db"_s << u"port"_s << u"70000"_s << u"not a port"_s;
    QTest::addRow("CIDR") << u"vpn"_s << u"partner-vpn"_s << u"localSubnets"_s << u"10.10.0.0/33"_s
                          << u"CIDR"_s;
    QTest::addRow("an address in a list")
        << u"vpn"_s << u"partner-vpn"_s << u"peerGateways"_s << u"198.51.100.7, 300.1.1.1"_s << u"item 2"_s;
    QTest::addRow("URL") << u"endpoint"_s << u"viacep"_s << u"url"_s << u"viacep.com.br/ws"_s
                         << u"absolute URL"_s;
    QTest::addRow("e-mail") << u"system"_s << u"erp"_s << u"ownerEmail"_s << u"owner@"_s << u"e-mail"_s;
    QTest::addRow("required emptied")
        << u"server"_s << u"db-server"_s << u"ip"_s << QString() << u"required"_s;
}

void TestEntityTableModel::invalidValueKeptAndExplained()
{
    QFETCH(QString, kind);
    QFETCH(QString, id);
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(QString, explanation);

    EntityTableModel *model = table(kind);
    load();
    const int row = m_document->rowOf(kind, id);
    const QModelIndex cell = model->index(row, model->columnOf(key));
    QVERIFY(cell.isValid());
    QCOMPARE(cell.data(EntityTableModel::ProblemRole).toString(), QString());
    const int problemsBefore = cell.data(EntityTableModel::RowProblemCountRole).toInt();

    QVERIFY(model->setData(cell, text));
    // kept as typed, never dropped
    QCOMPARE(cell.data().toString(), text);
    const QString problem = cell.data(EntityTableModel::ProblemRole).toString();
    QVERIFY2(problem.contains(explanation), qPrintable(problem));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), problem);
    QCOMPARE(cell.data(EntityTableModel::RowProblemCountRole).toInt(), problemsBefore + 1);

    m_stack->undo();
    QCOMPARE(cell.data(EntityTableModel::ProblemRole).toString(), QString());
    QCOMPARE(cell.data(EntityTableModel::RowProblemCountRole).toInt(), problemsBefore);
}

void TestEntityTableModel::refusedText_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");

    QTest::addRow("letters for a port") << u"database"_s << u"orders-db"_s << u"port"_s << u"https"_s;
    QTest::addRow("digits and letters for a port")
        << u"database"_s << u"orders-db"_s << u"port"_s << u"54a"_s;
    QTest::addRow("words for a count") << u"flow"_s << u"orders"_s << u"pipeCount"_s << u"twelve"_s;
    QTest::addRow("a unit after a lifetime") << u"vpn"_s << u"partner-vpn"_s << u"ikeLifetime"_s << u"1h"_s;
    QTest::addRow("an id another server has") << u"server"_s << u"legacy"_s << u"id"_s << u"db-server"_s;
    QTest::addRow("no id at all") << u"server"_s << u"legacy"_s << u"id"_s << u"  "_s;
}

void TestEntityTableModel::refusedText()
{
    QFETCH(QString, kind);
    QFETCH(QString, id);
    QFETCH(QString, key);
    QFETCH(QString, text);

    EntityTableModel *model = table(kind);
    load();
    const QModelIndex cell = model->index(m_document->rowOf(kind, id), model->columnOf(key));
    QVERIFY(cell.isValid());
    const QByteArray before = test::dump(*m_document);
    QVERIFY(!model->setData(cell, text));
    QCOMPARE(test::dump(*m_document), before);
    QCOMPARE(m_stack->count(), 0);
    QVERIFY(!m_document->isModified());
}

void TestEntityTableModel::addDuplicateRemoveUndo()
{
    EntityTableModel *model = table(u"server"_s);
    load();
    const QByteArray original = test::dump(*m_document);
    QCOMPARE(test::printModel(*model, rowIds), u"app-server db-server legacy"_s);

    QCOMPARE(m_editor->addEntity(u"server"_s), 3);
    QCOMPARE(test::printModel(*model, rowIds), u"app-server db-server legacy new-server"_s);
    QCOMPARE(m_editor->duplicateEntity(u"server"_s, 0), 1);
    QCOMPARE(test::printModel(*model, rowIds), u"app-server app-server-2 db-server legacy new-server"_s);
    QCOMPARE(model->index(1, model->columnOf(u"name"_s)).data().toString(), u"App server (copy)"_s);
    QCOMPARE(m_document->at(u"server"_s, 1).data.value(u"ports"_s),
        m_document->at(u"server"_s, 0).data.value(u"ports"_s));
    m_editor->removeEntities(u"server"_s, {3, 1});
    QCOMPARE(test::printModel(*model, rowIds), u"app-server db-server new-server"_s);
    const QByteArray edited = test::dump(*m_document);
    QCOMPARE(m_stack->count(), 3);

    m_stack->undo();
    QCOMPARE(test::printModel(*model, rowIds), u"app-server app-server-2 db-server legacy new-server"_s);
    m_stack->undo();
    QCOMPARE(test::printModel(*model, rowIds), u"app-server db-server legacy new-server"_s);
    m_stack->undo();
    QCOMPARE(test::dump(*m_document), original);
    QCOMPARE(test::printModel(*model, rowIds), u"app-server db-server legacy"_s);
    m_stack->redo();
    m_stack->redo();
    m_stack->redo();
    QCOMPARE(test::dump(*m_document), edited);
}

void TestEntityTableModel::brokenReferenceMendedElsewhere()
{
    EntityTableModel *flows = table(u"flow"_s);
    EntityTableModel *systems = table(u"system"_s);
    load();
    const QModelIndex provider = flows->index(0, flows->columnOf(u"provider"_s));
    QVERIFY(flows->setData(provider, u"billing"_s));
    QVERIFY(provider.data(EntityTableModel::ProblemRole).toString().contains(u"does not exist"_s));
    QCOMPARE(provider.data(EntityTableModel::ReferenceChoicesRole).toStringList(),
        QStringList({u"erp"_s, u"crm"_s}));

    // adding the system it names mends the flow, though the flow itself did not change
    QSignalSpy flowChanged(flows, &QAbstractItemModel::dataChanged);
    m_editor->addEntity(
        u"system"_s, {{u"id"_s, u"billing"_s}, {u"name"_s, u"Billing"_s}, {u"acronym"_s, u"BIL"_s}});
    QCOMPARE(systems->rowCount(), 3);
    QVERIFY(!flowChanged.isEmpty());
    QCOMPARE(provider.data(EntityTableModel::ProblemRole).toString(), QString());
    m_stack->undo();
    QVERIFY(!provider.data(EntityTableModel::ProblemRole).toString().isEmpty());
}

void TestEntityTableModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");

    QTest::addRow("no filter") << QString() << u"app-server db-server legacy"_s;
    QTest::addRow("accent-insensitive word") << u"sao"_s << u"db-server"_s;
    QTest::addRow("word in any column") << u"server"_s << u"app-server db-server"_s;
    QTest::addRow("all words") << u"server 10.0.0.6"_s << u"db-server"_s;
    QTest::addRow("key:word") << u"ip:10.0.0"_s << u"app-server db-server"_s;
    QTest::addRow("key:word in a reference") << u"environment:prod"_s << u"app-server"_s;
    QTest::addRow("key:word, other column") << u"name:10.0"_s << QString();
    QTest::addRow("only problems") << u"!problems"_s << u"legacy"_s;
    QTest::addRow("problems and a word") << u"!problems box"_s << u"legacy"_s;
    QTest::addRow("problems and a word that misses") << u"!problems banco"_s << QString();
    QTest::addRow("nothing matches") << u"oracle"_s << QString();
}

void TestEntityTableModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);

    EntityFilterProxy *proxy = proxyOver(table(u"server"_s));
    load();
    proxy->setFilterText(text);
    QCOMPARE(proxy->filterText(), text);
    QCOMPARE(test::printModel(*proxy, rowIds), shown);
    proxy->setFilterText(QString());
    QCOMPARE(test::printModel(*proxy, rowIds), u"app-server db-server legacy"_s);
}

void TestEntityTableModel::filterFollowsEdits()
{
    EntityTableModel *model = table(u"server"_s);
    EntityFilterProxy *proxy = proxyOver(model);
    load();

    proxy->setFilterText(u"!problems"_s);
    QCOMPARE(test::printModel(*proxy, rowIds), u"legacy"_s);
    const int ip = model->columnOf(u"ip"_s);
    QVERIFY(model->setData(model->index(2, ip), u"10.0.0.7"_s)); // mends legacy
    QCOMPARE(test::printModel(*proxy, rowIds), QString());
    QVERIFY(model->setData(model->index(0, ip), u"10.0.0"_s)); // breaks app-server
    QCOMPARE(test::printModel(*proxy, rowIds), u"app-server"_s);
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(test::printModel(*proxy, rowIds), u"legacy"_s);

    proxy->setFilterText(u"box"_s);
    QCOMPARE(test::printModel(*proxy, rowIds), u"legacy"_s);
    QVERIFY(model->setData(model->index(2, model->columnOf(u"name"_s)), u"Legacy host"_s));
    QCOMPARE(test::printModel(*proxy, rowIds), QString());
    m_editor->addEntity(u"server"_s, {{u"name"_s, u"Mail box"_s}, {u"ip"_s, u"10.0.0.8"_s}});
    QCOMPARE(test::printModel(*proxy, rowIds), u"mail-box"_s);
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(test::printModel(*proxy, rowIds), u"legacy"_s);
}

void TestEntityTableModel::problemFilterFollowsOtherEntities()
{
    EntityTableModel *flows = table(u"flow"_s);
    EntityFilterProxy *proxy = proxyOver(flows);
    load();
    m_editor->addEntity(
        u"flow"_s, {{u"name"_s, u"Invoices"_s}, {u"provider"_s, u"billing"_s}, {u"consumer"_s, u"erp"_s}});
    proxy->setFilterText(u"!problems"_s);
    QCOMPARE(test::printModel(*proxy, rowIds), u"invoices"_s);
    // the flow itself does not change: the system it names comes into being, then goes again
    m_editor->addEntity(
        u"system"_s, {{u"id"_s, u"billing"_s}, {u"name"_s, u"Billing"_s}, {u"acronym"_s, u"BIL"_s}});
    QCOMPARE(test::printModel(*proxy, rowIds), QString());
    m_stack->undo();
    QCOMPARE(test::printModel(*proxy, rowIds), u"invoices"_s);
}

void TestEntityTableModel::sortsNumbersAsNumbers()
{
    EntityTableModel *model = table(u"database"_s);
    EntityFilterProxy *proxy = proxyOver(model);
    load();
    m_editor->addEntity(u"database"_s, {{u"name"_s, u"Web"_s}, {u"port"_s, 80}});
    m_editor->addEntity(u"database"_s, {{u"name"_s, u"Big"_s}, {u"port"_s, 10000}});
    m_editor->addEntity(u"database"_s, {{u"name"_s, u"None"_s}});
    const int port = model->columnOf(u"port"_s);
    auto ports = [&] {
        QStringList list;
        for (int row = 0; row < proxy->rowCount(); ++row)
            list.append(proxy->index(row, port).data().toString());
        return list.join(u' ');
    };
    proxy->sort(port, Qt::AscendingOrder);
    QCOMPARE(ports(), u"80 5432 10000 "_s); // the empty port last
    proxy->sort(port, Qt::DescendingOrder);
    QCOMPARE(ports(), u" 10000 5432 80"_s);
    // a dynamic sort places an edited row again
    QVERIFY(model->setData(model->index(0, port), 9));
    QCOMPARE(ports(), u" 10000 80 9"_s);
}

} // namespace jb

QTEST_GUILESS_MAIN(jb::TestEntityTableModel)
#include "tst_entitytablemodel.moc"
