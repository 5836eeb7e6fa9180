#include "checklist.h"
#include "documenteditor.h"
#include "navigatormodel.h"
#include "projectdocument.h"
#include "testproject.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;
using Page = jb::NavigatorModel::Page;

namespace jb {

class TestNavigatorModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void rows_data();
    void rows();
    void problemCounts_data();
    void problemCounts();
    void followsResetAndChecklist();

private:
    static QString problemsPerPhase(const NavigatorModel &model);

    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DocumentEditor> m_editor;
    std::unique_ptr<NavigatorModel> m_model;
};

void TestNavigatorModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestNavigatorModel::init()
{
    m_document = std::make_unique<ProjectDocument>();
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<DocumentEditor>(m_document.get(), m_stack.get());
    m_model = std::make_unique<NavigatorModel>(m_document.get());
    new QAbstractItemModelTester(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_model.get());
    m_document->reset(test::project());
}

void TestNavigatorModel::cleanup()
{
    m_model.reset();
    m_stack.reset();
    m_editor.reset();
    m_document.reset();
}

QString TestNavigatorModel::problemsPerPhase(const NavigatorModel &model)
{
    QStringList counts;
    for (int row = 0; row < NavigatorModel::timelineRow; ++row)
        counts.append(QString::number(model.index(row).data(NavigatorModel::ProblemCountRole).toInt()));
    return counts.join(u' ');
}

void TestNavigatorModel::rows_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("number");
    QTest::addColumn<int>("total");

    QTest::addRow("first phase") << 0 << u"1  Connection"_s << int(Page::Phase) << 1 << 6;
    QTest::addRow("servers") << 1 << u"2  Servers / DB"_s << int(Page::Phase) << 2 << 6;
    QTest::addRow("contracts") << 4 << u"5  Contracts"_s << int(Page::Phase) << 5 << 4;
    QTest::addRow("last phase") << 9 << u"10  Deploy"_s << int(Page::Phase) << 10 << 6;
    QTest::addRow("timeline") << int(NavigatorModel::timelineRow) << u"Timeline"_s << int(Page::Timeline) << 0
                              << 0;
    QTest::addRow("artifacts") << int(NavigatorModel::artifactsRow) << u"Artifacts"_s << int(Page::Artifacts)
                               << 0 << 0;
    QTest::addRow("environments") << int(NavigatorModel::environmentsRow) << u"Environments"_s
                                  << int(Page::Environments) << 0 << 0;
}

void TestNavigatorModel::rows()
{
    QFETCH(int, row);
    QFETCH(QString, text);
    QFETCH(int, page);
    QFETCH(int, number);
    QFETCH(int, total);

    QCOMPARE(m_model->rowCount(), 13);
    const QModelIndex index = m_model->index(row);
    QCOMPARE(index.data().toString(), text);
    QCOMPARE(index.data(NavigatorModel::PageRole).toInt(), page);
    QCOMPARE(index.data(NavigatorModel::PhaseNumberRole).toInt(), number);
    QCOMPARE(index.data(NavigatorModel::TotalCountRole).toInt(), total);
    QCOMPARE(index.data(NavigatorModel::CompleteCountRole).toInt(), 0);
    QCOMPARE(index.data(NavigatorModel::SignedRole).toBool(), false);
    QVERIFY(!index.data(NavigatorModel::SummaryRole).toString().isEmpty());
    if (page == int(Page::Phase))
        QCOMPARE(index.data(NavigatorModel::CompletionRole).toDouble(), 0.0);
}

void TestNavigatorModel::problemCounts_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("counts");

    // the project starts with one problem: the legacy server's IP, in phase 2
    QTest::addRow("fixing the one problem")
        << u"server"_s << u"legacy"_s << u"ip"_s << QJsonValue(u"10.0.0.7"_s) << u"0 0 0 0 0 0 0 0 0 0"_s;
    QTest::addRow("a bad URL in phase 1")
        << u"endpoint"_s << u"viacep"_s << u"url"_s << QJsonValue(u"viacep"_s) << u"1 1 0 0 0 0 0 0 0 0"_s;
    QTest::addRow("a port inside a list")
        << u"server"_s << u"app-server"_s << u"ports"_s << QJsonValue(QJsonArray{QJsonObject{{u"port"_s, 0}}})
        << u"0 2 0 0 0 0 0 0 0 0"_s;
    QTest::addRow("a missing system in phase 3")
        << u"flow"_s << u"orders"_s << u"consumer"_s << QJsonValue(u"billing"_s) << u"0 1 1 0 0 0 0 0 0 0"_s;
    QTest::addRow("an environment removed breaks a server")
        << u"environment"_s << u"prod"_s << QString() << QJsonValue() << u"0 2 0 0 0 0 0 0 0 0"_s;
}

void TestNavigatorModel::problemCounts()
{
    QFETCH(QString, kind);
    QFETCH(QString, id);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, counts);

    QCOMPARE(problemsPerPhase(*m_model), u"0 1 0 0 0 0 0 0 0 0"_s);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const int row = m_document->rowOf(kind, id);
    if (key.isEmpty())
        m_editor->removeEntities(kind, {row});
    else
        m_editor->setField(kind, row, key, value);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(problemsPerPhase(*m_model), counts);
    m_stack->undo();
    QCOMPARE(problemsPerPhase(*m_model), u"0 1 0 0 0 0 0 0 0 0"_s);
}

void TestNavigatorModel::followsResetAndChecklist()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_editor->setManifest(Checklist::withPhaseSignoff(m_document->manifest(), Phase::Systems,
                              {u"Ana"_s, u"2024-06-01"_s, {}, {}, {}}),
        u"Sign the phase"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->index(2).data(NavigatorModel::SignedRole).toBool(), true);

    ChecklistItem done = Checklist::items(m_document->manifest(), Phase::Deploy).at(0);
    done.status = ChecklistItem::Status::Done;
    m_editor->setManifest(Checklist::withItem(m_document->manifest(), Phase::Deploy, done), u"Done"_s);
    QCOMPARE(m_model->index(9).data(NavigatorModel::CompleteCountRole).toInt(), 1);
    QVERIFY(m_model->index(9).data(Qt::ToolTipRole).toString().contains(u"1 of 6"_s));

    ProjectData clean = test::project();
    clean.entities.clear();
    m_document->reset(clean);
    QCOMPARE(problemsPerPhase(*m_model), u"0 0 0 0 0 0 0 0 0 0"_s);
    QCOMPARE(m_model->index(2).data(NavigatorModel::SignedRole).toBool(), false);
    QCOMPARE(m_model->index(9).data(NavigatorModel::CompleteCountRole).toInt(), 0);
}

} // namespace jb

QTEST_GUILESS_MAIN(jb::TestNavigatorModel)
#include "tst_navigatormodel.moc"
