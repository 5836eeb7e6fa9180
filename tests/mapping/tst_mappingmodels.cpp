// The From-To editor's models, each under QAbstractItemModelTester before any data: the contract
// field trees (drag from the provider, drop on the consumer), the rules table (every edit an
// undoable document change, following the document), the preview grid and the preview runner
// (stale runs dropped, a runaway script interrupted).
#include "contractfieldmodel.h"
#include "documenteditor.h"
#include "inlineproject.h"
#include "mappingpreview.h"
#include "mappingpreviewmodel.h"
#include "mappingrulesmodel.h"
#include "mappingtesting.h"
#include "printmodel.h"
#include "projectdocument.h"
#include "samplerecords.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::testing;

namespace {

// The customer sync's De-Para, as small as the suite needs: the table's row contract (its field
// examples are the preview's sample record), the portal's contract (formats and required fields
// for validation), the ERP order (a tree with an array), the mapping, and a SQLite table of six
// customers, the sixth with an invalid e-mail.
bool writeProject(test::InlineProject &project)
{
    project
        .add(u"contract"_s, R"({"id": "customers-row", "name": "customers table row", "format": "table",
            "fields": [
                {"name": "customerid", "type": "integer", "required": true, "example": "1001"},
                {"name": "customername", "type": "string", "required": true, "maxLength": 120,
                 "example": "  maria aparecida da silva "},
                {"name": "customeraddress", "type": "string", "maxLength": 200,
                 "example": "Praça da Sé, 100 - Sé, São Paulo - SP"},
                {"name": "customerphone", "type": "string", "example": "(11) 98765-4321"},
                {"name": "customeremail", "type": "string", "example": "Maria.Silva@Example.com"}]})")
        .add(u"contract"_s, R"({"id": "portal-customer", "name": "Portal customer", "format": "json",
            "fields": [
                {"name": "id", "type": "string", "required": true, "format": "^[0-9]+$"},
                {"name": "name", "type": "string", "required": true, "maxLength": 100},
                {"name": "address", "type": "string", "maxLength": 200},
                {"name": "phone", "type": "string", "required": true, "format": "^\\+[1-9][0-9]{7,14}$"},
                {"name": "email", "type": "string", "required": true,
                 "format": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "maxLength": 254}]})")
        .add(u"contract"_s, R"({"id": "erp-order", "name": "ERP order", "format": "json",
            "fields": [
                {"name": "orderId", "type": "string", "required": true, "format": "^PO-[0-9]{6}$"},
                {"name": "customerId", "type": "string", "required": true},
                {"name": "orderDate", "type": "date", "required": true},
                {"name": "total", "type": "number", "required": true},
                {"name": "items", "type": "array", "required": true},
                {"name": "items[].sku", "type": "string", "required": true},
                {"name": "items[].quantity", "type": "integer", "required": true}]})")
        .add(u"database"_s, R"({"id": "customers-sqlite", "name": "Customers", "driver": "QSQLITE",
            "database": "data/customers.sqlite", "tables": ["customers"]})")
        .add(u"mapping"_s, R"({"id": "customers", "name": "Customers: table → portal",
            "sourceContract": "customers-row", "targetContract": "portal-customer",
            "sourceDatabase": "customers-sqlite",
            "sourceQuery": "SELECT customerid, customername, customeraddress, customerphone, customeremail FROM customers ORDER BY customerid",
            "rules": [
                {"target": "id", "source": "customerid", "transforms": ["digits"]},
                {"target": "name", "source": "customername", "transforms": ["trim", "upper"]},
                {"target": "address", "source": "customeraddress", "transforms": ["trim"]},
                {"target": "phone", "source": "customerphone", "transforms": ["phone-br"]},
                {"target": "email", "source": "customeremail", "transforms": ["trim", "lower"]}]})");
    if (!project.isValid() || !QDir(project.folder()).mkpath(u"data"_s))
        return false;
    const QString connection = u"tst_mappingmodels"_s;
    bool written = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(QDir(project.folder()).filePath(u"data/customers.sqlite"_s));
        QSqlQuery query(db);
        written = db.open()
            && query.exec(
                u"CREATE TABLE customers (customerid INTEGER PRIMARY KEY, customername TEXT NOT NULL, "
                "customeraddress TEXT, customerphone TEXT, customeremail TEXT)"_s)
            && query.exec(uR"(INSERT INTO customers VALUES
(1001, '  maria aparecida da silva ', 'Praça da Sé, 100 - Sé, São Paulo - SP', '(11) 98765-4321', 'Maria.Silva@Example.com'),
(1002, 'JOÃO PEDRO OLIVEIRA', 'Avenida Paulista, 1578 - Bela Vista, São Paulo - SP', '+55 11 3251-5644', 'joao.oliveira@example.com'),
(1003, 'Ana Beatriz Souza', 'Rua Oscar Freire, 900 - Jardins, São Paulo - SP', '+5511991234567', 'ana.souza@example.com.br'),
(1004, 'carlos eduardo lima', 'Rua Augusta, 2690 - Cerqueira César, São Paulo - SP', '11 97654-3210', 'carlos.lima@example.com'),
(1005, 'Fernanda Rodrigues', 'Avenida Brigadeiro Faria Lima, 3477 - Itaim Bibi, São Paulo - SP', '+55 (11) 3708-4000', 'fernanda.rodrigues@example.com'),
(1006, 'RAFAEL  COSTA  PEREIRA', 'Rua Harmonia, 123 - Vila Madalena, São Paulo - SP', '(11) 3032-1122', 'rafael.pereira@example'))"_s);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return written;
}

Result<ResolvedMapping> resolveCustomers(const ProjectDocument &document)
{
    return ResolvedMapping::resolve(
        document.allEntities(), document.folder(), document.find(u"mapping"_s, u"customers"_s)->data);
}

Contract contractOf(const ProjectDocument &document, const QString &id)
{
    return Contract::fromJson(document.find(u"contract"_s, id)->data);
}

} // namespace

class TestMappingModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fieldTree();
    void dragAndDrop();
    void rulesFollowEdits();
    void rulesFollowTheDocument();
    void previewGrid();
    void previewDropsStaleRuns();
    void previewInterruptsRunawayScript();

private:
    test::InlineProject m_files;
    ProjectData m_project;
};

void TestMappingModels::initTestCase()
{
    QVERIFY(writeProject(m_files));
    Result<ProjectLoad> loaded = m_files.load();
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    QVERIFY(loaded.value().diagnostics.isEmpty());
    m_project = loaded.value().data;
}

void TestMappingModels::fieldTree()
{
    ContractFieldModel model(ContractFieldModel::Side::Consumer);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ProjectDocument document;
    document.reset(m_project);
    model.setContract(contractOf(document, u"erp-order"_s));
    model.setStates({{u"orderId"_s, ContractFieldModel::State::Mapped},
        {u"items[].sku"_s, ContractFieldModel::State::Gap}});
    QCOMPARE(test::printModel(model), uR"(orderId | string * | mapped
customerId | string * | 
orderDate | date * | 
total | number * | 
items | array * | 
  sku | string * | gap
  quantity | integer * | )"_s);
    QCOMPARE(model.indexOfPath(u"items[].quantity"_s).data(ContractFieldModel::PathRole).toString(),
        u"items[].quantity"_s);
    QCOMPARE(model.indexOfPath(u"items[].sku"_s).data(ContractFieldModel::StateRole).toInt(),
        static_cast<int>(ContractFieldModel::State::Gap));
    QVERIFY(!model.indexOfPath(u"nope"_s).isValid());
}

void TestMappingModels::dragAndDrop()
{
    ContractFieldModel provider(ContractFieldModel::Side::Provider);
    ContractFieldModel consumer(ContractFieldModel::Side::Consumer);
    QAbstractItemModelTester providerTester(
        &provider, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester consumerTester(
        &consumer, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ProjectDocument document;
    document.reset(m_project);
    provider.setContract(contractOf(document, u"customers-row"_s));
    consumer.setContract(contractOf(document, u"portal-customer"_s));

    const QModelIndex phone = provider.indexOfPath(u"customerphone"_s);
    QVERIFY(provider.flags(phone) & Qt::ItemIsDragEnabled);
    QVERIFY(!(consumer.flags(consumer.indexOfPath(u"phone"_s)) & Qt::ItemIsDragEnabled));
    std::unique_ptr<QMimeData> data(provider.mimeData({phone}));
    QVERIFY(data);
    QCOMPARE(data->text(), u"customerphone"_s);

    QSignalSpy dropped(&consumer, &ContractFieldModel::fieldDropped);
    QVERIFY(!consumer.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, {})); // not between fields
    QVERIFY(!provider.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, phone)); // not on the provider
    QVERIFY(consumer.dropMimeData(data.get(), Qt::CopyAction, -1, -1, consumer.indexOfPath(u"phone"_s)));
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.at(0), (QVariantList{u"customerphone"_s, u"phone"_s}));
    QMimeData foreign;
    foreign.setText(u"customerphone"_s);
    QVERIFY(!consumer.dropMimeData(&foreign, Qt::CopyAction, -1, -1, consumer.indexOfPath(u"phone"_s)));
}

void TestMappingModels::rulesFollowEdits()
{
    ProjectDocument document;
    document.reset(m_project);
    QUndoStack stack;
    DocumentEditor editor(&document, &stack);
    MappingRulesModel model(&editor);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &MappingRulesModel::mappingChanged);
    model.setMappingId(u"customers"_s);
    QVERIFY(model.mapping().has_value());
    QCOMPARE(test::printModel(model), uR"(id | customerid | digits | string | required | 
name | customername | trim | upper | string | required | 
address | customeraddress | trim | string |  | 
phone | customerphone | phone-br | string | required | 
email | customeremail | trim | lower | string | required | )"_s);

    // choosing no source for phone (it has a transform, so the rule stays without a source)
    QVERIFY(model.setData(model.index(3, MappingRulesModel::SourceColumn), QString()));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), u"Clear the source of phone"_s);
    // removing it makes phone a gap
    model.removeRule(3);
    QCOMPARE(
        model.index(3, MappingRulesModel::SourceColumn).data().toString(), u"— gap: choose a source —"_s);
    QVERIFY(!model.index(3, MappingRulesModel::SourceColumn).data(MappingRulesModel::HasRuleRole).toBool());
    QCOMPARE(document.find(u"mapping"_s, u"customers"_s)->data.value(u"rules"_s).toArray().size(), 4);
    // the delegate's path: a source for a gap creates the rule, in the contract's order
    QVERIFY(model.setData(model.index(3, MappingRulesModel::SourceColumn), u"customerphone"_s));
    QCOMPARE(stack.undoText(), u"Map phone ← customerphone"_s);
    const QJsonArray rules = document.find(u"mapping"_s, u"customers"_s)->data.value(u"rules"_s).toArray();
    QCOMPARE(
        rules.at(3).toObject(), (QJsonObject{{u"target"_s, u"phone"_s}, {u"source"_s, u"customerphone"_s}}));
    // transforms as text through setData, and as a chain
    QVERIFY(model.setData(model.index(3, MappingRulesModel::TransformsColumn), u"trim | phone-br"_s));
    QVERIFY(!model.setData(model.index(3, MappingRulesModel::TransformsColumn), u"trim |"_s));
    QCOMPARE(model.index(3, MappingRulesModel::TransformsColumn).data().toString(), u"trim | phone-br"_s);
    // a second provider field dropped on a mapped consumer field is appended
    model.connectFields(u"customeremail"_s, u"address"_s);
    QCOMPARE(model.index(2, MappingRulesModel::TransformsColumn).data().toString(),
        uR"(trim | concat(fields=["customeremail"], separator=" "))"_s);
    QCOMPARE(stack.count(), 5);
    // every step undoes, back to the file as it was
    while (stack.canUndo())
        stack.undo();
    QCOMPARE(model.index(3, MappingRulesModel::TransformsColumn).data().toString(), u"phone-br"_s);
    QCOMPARE(model.index(2, MappingRulesModel::TransformsColumn).data().toString(), u"trim"_s);
    QVERIFY(changed.size() >= 10);
    // the preview column
    model.setPreview({{u"phone"_s, u"+5511987654321"_s}}, {{u"email"_s, u"required"_s}});
    QCOMPARE(model.index(3, MappingRulesModel::PreviewColumn).data().toString(), u"+5511987654321"_s);
    QCOMPARE(model.index(4, MappingRulesModel::PreviewColumn).data().toString(), u"⚠ required"_s);
}

void TestMappingModels::rulesFollowTheDocument()
{
    ProjectDocument document;
    document.reset(m_project);
    DocumentEditor editor(&document, nullptr);
    MappingRulesModel model(&editor);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMappingId(u"customers"_s);
    QCOMPARE(model.rowCount(), 5);
    // the consumer's contract gains a required field elsewhere: a new row, a gap
    const int row = document.rowOf(u"contract"_s, u"portal-customer"_s);
    QJsonObject contract = document.at(u"contract"_s, row).data;
    QJsonArray fields = contract.value(u"fields"_s).toArray();
    fields.append(QJsonObject{{u"name"_s, u"segment"_s}, {u"type"_s, u"string"_s}, {u"required"_s, true}});
    contract.insert(u"fields"_s, fields);
    editor.setEntity(u"contract"_s, row, contract, u"Add segment"_s);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(
        model.index(5, MappingRulesModel::SourceColumn).data().toString(), u"— gap: choose a source —"_s);
    // the contract disappears: the model says why it cannot show the mapping
    editor.removeEntities(u"contract"_s, {row});
    QVERIFY(!model.mapping().has_value());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.problem(), u"mapping customers: target contract portal-customer does not exist"_s);
}

void TestMappingModels::previewGrid()
{
    ProjectDocument document;
    document.reset(m_project);
    Result<ResolvedMapping> mapping = resolveCustomers(document);
    QVERIFY(mapping.ok());
    Result<QList<QJsonObject>> rows
        = SampleRecords::fromDatabase(*mapping.value().database, mapping.value().sourceSql(), 6);
    QVERIFY(rows.ok());
    MappingPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(MappingPreview::compute(mapping.value(), rows.value()));
    QCOMPARE(model.validCount(), 5);
    QCOMPARE(model.invalidCount(), 1);
    QStringList header;
    for (int column = 0; column < model.columnCount(); ++column)
        header.append(model.headerData(column, Qt::Horizontal).toString());
    QCOMPARE(header, (QStringList{u"Record"_s, u"id"_s, u"name"_s, u"address"_s, u"phone"_s, u"email"_s}));
    QCOMPARE(test::printModel(model).split(u'\n').at(5),
        uR"(✗ 1 error(s) | 1006 | RAFAEL  COSTA  PEREIRA | Rua Harmonia, 123 - Vila Madalena, São Paulo - SP | +551130321122 | rafael.pereira@example  ⚠ does not match ^[^@\s]+@[^@\s]+\.[^@\s]+$)"_s);
    QCOMPARE(model.index(5, 5).data(MappingPreviewModel::ErrorRole).toString(),
        uR"(does not match ^[^@\s]+@[^@\s]+\.[^@\s]+$)"_s);
    QCOMPARE(model.index(5, 5).data(MappingPreviewModel::InputRole).toString(), u"rafael.pereira@example"_s);
    QVERIFY(model.index(5, 5).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(0, 5).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.errorsOf(5),
        (QHash<QString, QString>{{u"email"_s, uR"(does not match ^[^@\s]+@[^@\s]+\.[^@\s]+$)"_s}}));
    QCOMPARE(model.valuesOf(0).value(u"name"_s), u"MARIA APARECIDA DA SILVA"_s);
}

void TestMappingModels::previewDropsStaleRuns()
{
    ProjectDocument document;
    document.reset(m_project);
    Result<ResolvedMapping> mapping = resolveCustomers(document);
    QVERIFY(mapping.ok());
    MappingPreview preview;
    QSignalSpy finished(&preview, &MappingPreview::finished);
    const QList<QJsonObject> records = SampleRecords::fromContract(mapping.value().source);
    ResolvedMapping lower = mapping.value();
    lower.definition.rules[1].transforms = TransformSpec::parseChain(u"trim | lower"_s).value();
    preview.run(mapping.value(), records);
    preview.run(lower, records); // an edit before the first run is back
    QVERIFY(finished.wait(10000));
    QTest::qWait(200); // a stale result would arrive now; it must not
    QCOMPARE(finished.size(), 1);
    const auto result = finished.at(0).at(0).value<MappingPreviewResult>();
    QCOMPARE(result.generation, preview.generation());
    QCOMPARE(result.mapped.at(0).object.value(u"name"_s).toString(), u"maria aparecida da silva"_s);
    QVERIFY(!preview.isRunning());
}

void TestMappingModels::previewInterruptsRunawayScript()
{
    ProjectDocument document;
    document.reset(m_project);
    Result<ResolvedMapping> mapping = resolveCustomers(document);
    QVERIFY(mapping.ok());
    ResolvedMapping runaway = mapping.value();
    runaway.definition.rules[1].transforms
        = TransformSpec::parseChain(u"js(expression=\"while (true) {} return value;\")"_s).value();
    MappingPreview preview;
    QSignalSpy finished(&preview, &MappingPreview::finished);
    const QList<QJsonObject> records = SampleRecords::fromContract(mapping.value().source);
    preview.run(runaway, records);
    QTest::qWait(300);
    QCOMPARE(finished.size(), 0); // still looping
    QVERIFY(preview.isRunning());
    preview.run(mapping.value(), records); // the user fixes the script
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(
        finished.at(0).at(0).value<MappingPreviewResult>().mapped.at(0).object.value(u"name"_s).toString(),
        u"MARIA APARECIDA DA SILVA"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!preview.isRunning(), 10000); // the stale run was stopped, not left spinning
}

QTEST_MAIN(TestMappingModels)
#include "tst_mappingmodels.moc"
