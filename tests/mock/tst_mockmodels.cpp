// The mock page's item models, each under QAbstractItemModelTester before any data and printed
// whole: the ViaCEP dataset and the fault rules. Neither owns its data: an edit is offered by a
// signal and shown once it is given back, as the mock page wires them to the running mock; here
// each model is wired back to itself, and one model is left unwired to show that contract.
#include "faultrulesmodel.h"
#include "printmodel.h"
#include "viacepdatasetmodel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

// cep | localidade | uf | ibge
const test::ModelPrint placeCells{.columns = {0, 5, 6, 9}};

ViaCepDataset twoCities()
{
    Result<ViaCepDataset> dataset = ViaCepDataset::fromJson(R"([
        {"cep": "01001-000", "logradouro": "Praça da Sé", "bairro": "Sé", "localidade": "São Paulo",
         "uf": "SP", "ibge": "3550308"},
        {"cep": "07010-000", "logradouro": "Rua Dom Pedro II", "bairro": "Centro", "localidade": "Guarulhos",
         "uf": "SP", "ibge": "3518800"}])");
    if (!dataset)
        qFatal("%s", qPrintable(dataset.errorString()));
    return dataset.value();
}

FaultRule latencyRule()
{
    FaultRule rule;
    rule.route = u"GET /ws/{cep}/json/"_s;
    rule.kind = FaultKind::Latency;
    rule.probability = 0.25;
    rule.latencyMs = 300;
    rule.jitterMs = 50;
    return rule;
}

FaultRule unavailableRule()
{
    FaultRule rule;
    rule.kind = FaultKind::Http503;
    return rule;
}

} // namespace

class TestMockModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void datasetShape();
    void datasetEdits();
    void datasetAddAndRemove();
    void datasetEditWaitsForTheOwner();
    void faultRules();
    void faultRuleEdits_data();
    void faultRuleEdits();
    void faultRulesAddAndRemove();
};

void TestMockModels::datasetShape()
{
    ViaCepDatasetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(ViaCepDataset::keyOrder().size()));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"cep"_s);
    QCOMPARE(model.headerData(12, Qt::Horizontal).toString(), u"siafi"_s);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setDataset(twoCities());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(test::printModel(model, placeCells),
        u"01001-000 | São Paulo | SP | 3550308\n07010-000 | Guarulhos | SP | 3518800"_s);
    QCOMPARE(model.index(0, 1).data(Qt::ToolTipRole).toString(), u"Praça da Sé"_s);
    QCOMPARE(model.index(0, 2).data().toString(), QString()); // a key the record lacks
    QVERIFY(model.flags(model.index(0, 2)) & Qt::ItemIsEditable);
    // the same number of records: the cells change, the rows stay
    model.setDataset(twoCities());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 1);
    model.setDataset({});
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 0);
}

void TestMockModels::datasetEdits()
{
    ViaCepDatasetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&model, &ViaCepDatasetModel::datasetEdited, &model, &ViaCepDatasetModel::setDataset);
    QSignalSpy edited(&model, &ViaCepDatasetModel::datasetEdited);
    QSignalSpy refused(&model, &ViaCepDatasetModel::editRefused);
    model.setDataset(twoCities());

    QVERIFY(model.setData(model.index(1, 5), u" Osasco "_s));
    QCOMPARE(edited.size(), 1);
    // a CEP is normalised to ViaCEP's hyphenated form
    QVERIFY(model.setData(model.index(1, 0), u"06010000"_s));
    QCOMPARE(test::printModel(model, placeCells),
        u"01001-000 | São Paulo | SP | 3550308\n06010-000 | Osasco | SP | 3518800"_s);
    QCOMPARE(edited.size(), 2);
    // the same value again is no edit; a non-CEP and a CEP already present are refused
    QVERIFY(!model.setData(model.index(1, 5), u"Osasco"_s));
    QVERIFY(!model.setData(model.index(1, 0), u"123"_s));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).at(0).toString(), u"\"123\" is not a CEP: write NNNNN-NNN"_s);
    QVERIFY(!model.setData(model.index(1, 0), u"01001-000"_s));
    QCOMPARE(refused.size(), 2);
    QVERIFY(!refused.at(1).at(0).toString().isEmpty());
    QVERIFY(!model.setData(model.index(1, 5), u"Osasco"_s, Qt::DisplayRole));
    QCOMPARE(edited.size(), 2);
    QCOMPARE(test::printModel(model, placeCells),
        u"01001-000 | São Paulo | SP | 3550308\n06010-000 | Osasco | SP | 3518800"_s);
}

void TestMockModels::datasetAddAndRemove()
{
    ViaCepDatasetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&model, &ViaCepDatasetModel::datasetEdited, &model, &ViaCepDatasetModel::setDataset);
    model.setDataset(twoCities());
    // placeholders take the first free CEP from 00000-000 on
    const int first = model.addRecord();
    QCOMPARE(model.index(first, 0).data().toString(), u"00000-000"_s);
    const int second = model.addRecord();
    QCOMPARE(model.index(second, 0).data().toString(), u"00000-001"_s);
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.removeRecord(first));
    QVERIFY(!model.removeRecord(7));
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.dataset().find(u"00000-001"_s));
    QVERIFY(!model.dataset().find(u"00000-000"_s));
}

void TestMockModels::datasetEditWaitsForTheOwner()
{
    ViaCepDatasetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &ViaCepDatasetModel::datasetEdited);
    model.setDataset(twoCities());
    // nobody applies the edit: it is offered, and the table still shows what is served
    QVERIFY(model.setData(model.index(0, 5), u"Santos"_s));
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).value<ViaCepDataset>().records().at(0).value(u"localidade"), u"Santos"_s);
    QCOMPARE(model.index(0, 5).data().toString(), u"São Paulo"_s);
    QCOMPARE(model.addRecord(), 2); // its row in the offered dataset
    QCOMPARE(model.rowCount(), 2);
}

void TestMockModels::faultRules()
{
    FaultRulesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(FaultRulesModel::ColumnCount));
    QCOMPARE(model.headerData(FaultRulesModel::KindColumn, Qt::Horizontal).toString(), u"Fault"_s);
    model.setRules({latencyRule(), unavailableRule()});
    // a parameter the kind has not is a dash, greyed and not editable
    QCOMPARE(test::printModel(model),
        u"GET /ws/{cep}/json/ | latency | 25 % | 300 | 50 | — | —\n"
        "* | http-503 | 100 % | — | — | — | —"_s);
    QCOMPARE(model.index(0, FaultRulesModel::ProbabilityColumn).data(Qt::EditRole).toDouble(), 0.25);
    QVERIFY(model.flags(model.index(0, FaultRulesModel::LatencyColumn)) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(1, FaultRulesModel::LatencyColumn)) & Qt::ItemIsEditable));
    QVERIFY(model.index(1, FaultRulesModel::LatencyColumn).data(Qt::ForegroundRole).canConvert<QBrush>());
    QVERIFY(!model.index(0, FaultRulesModel::LatencyColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(1, FaultRulesModel::LatencyColumn).data(Qt::EditRole).isValid());
    QVERIFY(FaultRulesModel::applies(FaultKind::NoAnswer, FaultRulesModel::HoldColumn));
    QVERIFY(!FaultRulesModel::applies(FaultKind::NoAnswer, FaultRulesModel::SizeColumn));
    QVERIFY(FaultRulesModel::applies(FaultKind::Oversized, FaultRulesModel::SizeColumn));
}

void TestMockModels::faultRuleEdits_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("row");

    QTest::addRow("percent") << int(FaultRulesModel::ProbabilityColumn) << u"50 %"_s
                             << u"GET /ws/{cep}/json/ | latency | 50 % | 300 | 50 | — | —"_s;
    QTest::addRow("fraction") << int(FaultRulesModel::ProbabilityColumn) << u"0.1"_s
                              << u"GET /ws/{cep}/json/ | latency | 10 % | 300 | 50 | — | —"_s;
    QTest::addRow("percent without a sign") << int(FaultRulesModel::ProbabilityColumn) << u"30"_s
                                            << u"GET /ws/{cep}/json/ | latency | 30 % | 300 | 50 | — | —"_s;
    QTest::addRow("above a hundred percent: all") << int(FaultRulesModel::ProbabilityColumn) << u"250%"_s
                                      << u"GET /ws/{cep}/json/ | latency | 100 % | 300 | 50 | — | —"_s;
    QTest::addRow("no route: every route")
        << int(FaultRulesModel::RouteColumn) << u"  "_s << u"* | latency | 25 % | 300 | 50 | — | —"_s;
    QTest::addRow("another kind") << int(FaultRulesModel::KindColumn) << u"no-answer"_s
                                  << u"GET /ws/{cep}/json/ | no-answer | 25 % | — | — | 0 | —"_s;
    QTest::addRow("negative latency: none") << int(FaultRulesModel::LatencyColumn) << u"-5"_s
                                            << u"GET /ws/{cep}/json/ | latency | 25 % | 0 | 50 | — | —"_s;
}

void TestMockModels::faultRuleEdits()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(QString, row);
    FaultRulesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&model, &FaultRulesModel::rulesEdited, &model, &FaultRulesModel::setRules);
    QSignalSpy edited(&model, &FaultRulesModel::rulesEdited);
    model.setRules({latencyRule()});
    QVERIFY(model.setData(model.index(0, column), text));
    QCOMPARE(edited.size(), 1);
    QCOMPARE(test::printModel(model), row);
}

void TestMockModels::faultRulesAddAndRemove()
{
    FaultRulesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&model, &FaultRulesModel::rulesEdited, &model, &FaultRulesModel::setRules);
    QCOMPARE(model.addRule(latencyRule()), 0);
    QCOMPARE(model.addRule(unavailableRule()), 1);
    QCOMPARE(model.rules(), (QList<FaultRule>{latencyRule(), unavailableRule()}));
    // an unknown kind, a letter for a number and an unchanged value are no edits
    QVERIFY(!model.setData(model.index(1, FaultRulesModel::KindColumn), u"gremlins"_s));
    QVERIFY(!model.setData(model.index(0, FaultRulesModel::LatencyColumn), u"soon"_s));
    QVERIFY(!model.setData(model.index(0, FaultRulesModel::LatencyColumn), 300));
    QVERIFY(model.removeRule(0));
    QVERIFY(!model.removeRule(3));
    QCOMPARE(test::printModel(model), u"* | http-503 | 100 % | — | — | — | —"_s);
    // a size is at least 16 bytes
    QVERIFY(model.setData(model.index(0, FaultRulesModel::KindColumn), u"oversized"_s));
    QVERIFY(model.setData(model.index(0, FaultRulesModel::SizeColumn), 3));
    QCOMPARE(model.rules().at(0).sizeBytes, 16);
}

QTEST_MAIN(TestMockModels)
#include "tst_mockmodels.moc"
