// The From-To editor in a window (offscreen): create a mapping through the source delegate and by
// drag and drop; the gap list shrinks; the preview follows each edit, marking what the consumer's
// contract rejects; the transform chain editor writes through the undo stack.
#include "contractfieldmodel.h"
#include "contractimportdialog.h"
#include "documenteditor.h"
#include "mappingdefinition.h"
#include "mappingpage.h"
#include "mappingpreview.h"
#include "mappingpreviewmodel.h"
#include "mappingrulesmodel.h"
#include "newmappingdialog.h"
#include "projectdocument.h"
#include "projectloader.h"
#include "transformchaineditor.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace jb;

class TestMappingPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createThroughTheDelegate();
    void dragAndDropAndChain();
    void databaseRows();
    void screenshot();
    void importContracts();
    void newMappingMatchesNames();

private:
    int previewColumn(const QString &field) const;
    QString previewCell(int row, const QString &field) const;

    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DocumentEditor> m_editor;
    std::unique_ptr<MappingPage> m_page;
};

void TestMappingPage::init()
{
    m_document = std::make_unique<ProjectDocument>();
    Result<ProjectLoad> loaded = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    m_document->reset(loaded.value().data);
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<DocumentEditor>(m_document.get(), m_stack.get());
    m_page = std::make_unique<MappingPage>(m_editor.get());
    m_page->resize(1400, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestMappingPage::cleanup()
{
    m_page.reset();
    m_editor.reset();
    m_stack.reset();
    m_document.reset();
}

int TestMappingPage::previewColumn(const QString &field) const
{
    const MappingPreviewModel *model = m_page->previewModel();
    for (int column = 0; column < model->columnCount(); ++column) {
        if (model->headerData(column, Qt::Horizontal).toString() == field)
            return column;
    }
    return -1;
}

QString TestMappingPage::previewCell(int row, const QString &field) const
{
    return m_page->previewModel()->index(row, previewColumn(field)).data().toString();
}

void TestMappingPage::createThroughTheDelegate()
{
    // the sample mapping is shown first, complete
    QCOMPARE(m_page->currentMappingId(), u"customers"_s);
    QTRY_COMPARE(m_page->previewModel()->rowCount(), 1);
    QCOMPARE(m_page->gapsModel()->stringList(), QStringList());

    // a new, empty mapping between the same contracts: four gaps
    const int row = m_editor->addEntity(u"mapping"_s,
        QJsonObject{{u"name"_s, u"Second try"_s}, {u"sourceContract"_s, u"customers-row"_s},
            {u"targetContract"_s, u"portal-customer"_s}, {u"rules"_s, QJsonArray()}});
    const QString id = m_document->at(u"mapping"_s, row).id();
    m_page->showMapping(id);
    QCOMPARE(m_page->currentMappingId(), id);
    QCOMPARE(m_page->gapsModel()->stringList(),
        (QStringList{u"id (string)"_s, u"name (string)"_s, u"phone (string)"_s, u"email (string)"_s}));
    QCOMPARE(m_page->unusedModel()->rowCount(), 5);
    QTRY_COMPARE(m_page->previewModel()->invalidCount(), 1);
    QCOMPARE(previewCell(0, u"phone"_s), u"⚠ required"_s);

    // choose phone's source in the delegate, as a user would
    QTableView *view = m_page->rulesView();
    const QModelIndex phone = m_page->rulesModel()->index(
        m_page->rulesModel()->rowOfTarget(u"phone"_s), MappingRulesModel::SourceColumn);
    view->setCurrentIndex(phone);
    view->edit(phone);
    auto *combo = view->findChild<QComboBox *>(u"sourceFieldEditor"_s);
    QVERIFY(combo);
    const int choice = combo->findText(u"customerphone"_s);
    QVERIFY(choice > 0);
    combo->setCurrentIndex(choice);
    Q_EMIT combo->activated(choice);
    QTRY_VERIFY(!view->findChild<QComboBox *>(u"sourceFieldEditor"_s)
        || !view->findChild<QComboBox *>(u"sourceFieldEditor"_s)->isVisible());

    // the gap list shrinks, and the preview follows: the phone is there, but not yet E.164
    QCOMPARE(m_page->gapsModel()->stringList(),
        (QStringList{u"id (string)"_s, u"name (string)"_s, u"email (string)"_s}));
    QCOMPARE(m_stack->undoText(), u"Map phone ← customerphone"_s);
    QTRY_COMPARE(previewCell(0, u"phone"_s), uR"((11) 98765-4321  ⚠ does not match ^\+[1-9][0-9]{7,14}$)"_s);
    QCOMPARE(m_page->consumerFields()->state(u"phone"_s), ContractFieldModel::State::Mapped);
    QCOMPARE(m_page->consumerFields()->state(u"email"_s), ContractFieldModel::State::Gap);

    // undo brings the gap back
    m_stack->undo();
    QCOMPARE(m_page->gapsModel()->rowCount(), 4);
    QTRY_COMPARE(previewCell(0, u"phone"_s), u"⚠ required"_s);
}

void TestMappingPage::dragAndDropAndChain()
{
    const int row = m_editor->addEntity(u"mapping"_s,
        QJsonObject{{u"name"_s, u"Dragged"_s}, {u"sourceContract"_s, u"customers-row"_s},
            {u"targetContract"_s, u"portal-customer"_s}, {u"rules"_s, QJsonArray()}});
    m_page->showMapping(m_document->at(u"mapping"_s, row).id());
    // a drop of customerphone onto phone, through the models the views use
    auto *provider = qobject_cast<ContractFieldModel *>(m_page->providerView()->model());
    QVERIFY(provider);
    std::unique_ptr<QMimeData> data(provider->mimeData({provider->indexOfPath(u"customerphone"_s)}));
    ContractFieldModel *consumer = m_page->consumerFields();
    QVERIFY(consumer->dropMimeData(data.get(), Qt::CopyAction, -1, -1, consumer->indexOfPath(u"phone"_s)));
    QCOMPARE(m_page->gapsModel()->rowCount(), 3);
    // the dropped rule is selected; its chain editor adds a transform, and the preview follows
    QCOMPARE(m_page->rulesModel()->targetAt(m_page->rulesView()->currentIndex().row()), u"phone"_s);
    TransformChainEditor *chain = m_page->chainEditor();
    QCOMPARE(chain->target(), u"phone"_s);
    chain->addStep(TransformOp::PhoneBr);
    QCOMPARE(m_stack->undoText(), u"Transforms of phone"_s);
    QCOMPARE(m_page->rulesModel()
                 ->index(m_page->rulesModel()->rowOfTarget(u"phone"_s), MappingRulesModel::TransformsColumn)
                 .data()
                 .toString(),
        u"phone-br"_s);
    QTRY_COMPARE(previewCell(0, u"phone"_s), u"+5511987654321"_s);
    QCOMPARE(chain->stepList()->count(), 1);
    // the chain as text
    chain->textEdit()->setText(u"trim | phone-br"_s);
    Q_EMIT chain->textEdit()->editingFinished();
    QCOMPARE(m_page->rulesModel()->transformsAt(m_page->rulesModel()->rowOfTarget(u"phone"_s)).size(), 2);
    QCOMPARE(chain->stepList()->count(), 2);
    // the rules row's preview column shows the selected record's value
    QTRY_COMPARE(m_page->rulesModel()
                     ->index(m_page->rulesModel()->rowOfTarget(u"phone"_s), MappingRulesModel::PreviewColumn)
                     .data()
                     .toString(),
        u"+5511987654321"_s);
}

void TestMappingPage::databaseRows()
{
    QCOMPARE(m_page->currentMappingId(), u"customers"_s);
    QComboBox *source = m_page->sampleSourceBox();
    source->setCurrentIndex(1);
    Q_EMIT source->activated(1);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->previewModel()->rowCount(), 20, 10000);
    QCOMPARE(m_page->previewModel()->invalidCount(), 2);
    QCOMPARE(previewCell(14, u"phone"_s),
        uR"(⚠ not a Brazilian phone number "98877-6655": 9 digits; expected a DDD and 8 or 9 digits)"_s);
}

void TestMappingPage::screenshot()
{
    // the page on the sample with database rows, as docs/from-to-editor.png shows it; saved where
    // JB_SCREENSHOT says (run under Xvfb with -platform xcb to see real fonts)
    m_page->resize(1500, 940);
    QComboBox *source = m_page->sampleSourceBox();
    source->setCurrentIndex(1);
    Q_EMIT source->activated(1);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->previewModel()->rowCount(), 20, 10000);
    m_page->rulesView()->selectRow(3);
    m_page->previewView()->selectRow(0);
    QTRY_COMPARE(m_page->chainEditor()->target(), u"phone"_s);
    const QImage image = m_page->grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size() / image.devicePixelRatio(), QSize(1500, 940));
    const QString path = qEnvironmentVariable("JB_SCREENSHOT");
    if (!path.isEmpty())
        QVERIFY(image.save(path));
}

void TestMappingPage::importContracts()
{
    ContractImportDialog dialog(m_editor.get(), {});
    QSignalSpy read(&dialog, &ContractImportDialog::readFinished);
    dialog.setSource(ContractImportDialog::Source::OpenApi);
    dialog.setFile(QStringLiteral(JB_SOURCE_DIR) + u"/tests/contracts/data/viacep-customers.openapi.yaml"_s);
    dialog.read();
    QVERIFY(read.wait(10000));
    // the 13 contracts the importer finds in it (tests/contracts/data/viacep-customers.expected.txt)
    QCOMPARE(dialog.found().size(), 13);
    QCOMPARE(dialog.found().at(3).contract.id, u"customer"_s);
    const int before = m_document->count(u"contract"_s);
    const QStringList ids = dialog.create();
    QCOMPARE(ids.size(), 13);
    QCOMPARE(m_document->count(u"contract"_s), before + 13);
    QVERIFY(m_document->find(u"contract"_s, u"customer"_s));
    // one step on the undo stack for all of them
    QCOMPARE(m_stack->undoText(), u"Import 13 contract(s)"_s);
    m_stack->undo();
    QCOMPARE(m_document->count(u"contract"_s), before);

    // a table of the sample database, read on a worker
    dialog.setSource(ContractImportDialog::Source::Table);
    dialog.setTable(u"customers-sqlite"_s, u"customers"_s);
    dialog.read();
    QVERIFY(read.wait(10000));
    QCOMPARE(dialog.found().size(), 1);
    QCOMPARE(dialog.found().constFirst().contract.id, u"customers-row"_s);
    QCOMPARE(dialog.found().constFirst().contract.fields.size(), 5);
    // the id is taken by the sample's own contract: a fresh one is made
    QCOMPARE(dialog.create(), QStringList{u"customers-row-2"_s});

    // an example message that is not JSON says why
    dialog.setSource(ContractImportDialog::Source::Example);
    dialog.setExampleText(u"{\"cep\": "_s);
    dialog.read();
    QVERIFY(read.wait(10000));
    QVERIFY(dialog.found().isEmpty());
}

void TestMappingPage::newMappingMatchesNames()
{
    NewMappingDialog dialog(m_document.get());
    const QList<QComboBox *> combos = dialog.findChildren<QComboBox *>();
    QCOMPARE(combos.size(), 3); // source, target, database
    combos.at(0)->setCurrentIndex(combos.at(0)->findData(u"customers-row"_s));
    combos.at(1)->setCurrentIndex(combos.at(1)->findData(u"portal-customer"_s));
    combos.at(2)->setCurrentIndex(combos.at(2)->findData(u"customers-sqlite"_s));
    dialog.findChild<QLineEdit *>()->setText(u"Customers again"_s);
    const QJsonObject entity = dialog.entity();
    QVERIFY(!entity.contains(u"id"_s));
    QCOMPARE(entity.value(u"sourceDatabase"_s).toString(), u"customers-sqlite"_s);
    const Result<MappingDefinition> definition = MappingDefinition::fromJson(entity);
    QVERIFY(definition.ok());
    QStringList pairs;
    for (const MappingRule &rule : definition.value().rules)
        pairs.append(rule.target + u" <- "_s + rule.source);
    QCOMPARE(pairs,
        (QStringList{u"id <- customerid"_s, u"name <- customername"_s, u"address <- customeraddress"_s,
            u"phone <- customerphone"_s, u"email <- customeremail"_s}));
    // added as the page does it: a fresh id from the name, then shown with no gaps
    const int row = m_editor->addEntity(u"mapping"_s, entity);
    m_page->showMapping(m_document->at(u"mapping"_s, row).id());
    QCOMPARE(m_page->currentMappingId(), u"customers-again"_s);
    QCOMPARE(m_page->gapsModel()->stringList(), QStringList());
}

QTEST_MAIN(TestMappingPage)
#include "tst_mappingpage.moc"
