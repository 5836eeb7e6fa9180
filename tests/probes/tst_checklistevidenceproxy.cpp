// The checklist as shown, with its items' probe evidence (ChecklistEvidenceProxy over the checklist
// model of a new project, written by the test): the line and tooltip each state makes, and every
// row's roles printed before, with and after the evidence.
#include "checklistevidenceproxy.h"
#include "checklistmodel.h"
#include "documenteditor.h"
#include "inlineproject.h"
#include "projectdocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;
using namespace jb;
using State = ItemEvidence::State;

namespace {

// Local time, so the expected text does not depend on the machine's time zone.
const QDateTime testedAt(QDate(2026, 11, 28), QTime(10, 41, 7));

ItemEvidence evidence(Phase phase, const QString &itemId, State state, int passed, int probes,
    const QStringList &reasons = {}, const QString &path = {})
{
    ItemEvidence item;
    item.phase = phase;
    item.itemId = itemId;
    item.state = state;
    item.passed = passed;
    item.probes = probes;
    item.reasons = reasons;
    item.evidencePath = path;
    if (!path.isEmpty())
        item.testedAt = testedAt;
    return item;
}

QStringList numbered(const QString &text, int count)
{
    QStringList list;
    for (int i = 1; i <= count; ++i)
        list.append(text.arg(i));
    return list;
}

} // namespace

class TestChecklistEvidenceProxy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void line_data();
    void line();
    void toolTip_data();
    void toolTip();
    void rolesOfEveryRow();
    void phaseWithoutEvidencePassesThrough();

private:
    ChecklistEvidenceProxy *proxyOf(Phase phase);
    QString printed(const ChecklistEvidenceProxy *proxy) const;

    std::unique_ptr<ProjectDocument> m_document;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DocumentEditor> m_editor;
    std::unique_ptr<QObject> m_models;
    // a new project: the journey's own checklists, in a folder that evidence paths are relative to
    test::InlineProject m_project;
    ProjectData m_loaded;
};

void TestChecklistEvidenceProxy::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_project.isValid());
    Result<ProjectLoad> loaded = m_project.load();
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    m_loaded = loaded.value().data;
}

void TestChecklistEvidenceProxy::init()
{
    m_document = std::make_unique<ProjectDocument>();
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<DocumentEditor>(m_document.get(), m_stack.get());
    m_models = std::make_unique<QObject>();
}

void TestChecklistEvidenceProxy::cleanup()
{
    m_models.reset();
    m_editor.reset();
    m_stack.reset();
    m_document.reset();
}

ChecklistEvidenceProxy *TestChecklistEvidenceProxy::proxyOf(Phase phase)
{
    auto *model = new ChecklistModel(m_editor.get(), phase, m_models.get());
    auto *proxy = new ChecklistEvidenceProxy(phase, ChecklistModel::ItemIdRole, m_models.get());
    proxy->setSourceModel(model);
    new QAbstractItemModelTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, proxy);
    m_document->reset(m_loaded);
    return proxy;
}

// id | evidenced | state | line | evidence path (relative to the project), one row a line
QString TestChecklistEvidenceProxy::printed(const ChecklistEvidenceProxy *proxy) const
{
    QStringList lines;
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, ChecklistModel::StatusColumn); // any column will do
        const QVariant state = index.data(ChecklistEvidenceProxy::EvidenceStateRole);
        const QString path = index.data(ChecklistEvidenceProxy::EvidencePathRole).toString();
        lines.append(QStringList{index.data(ChecklistModel::ItemIdRole).toString(),
            index.data(ChecklistEvidenceProxy::EvidencedRole).toBool() ? u"yes"_s : u"no"_s,
            state.isValid() ? ItemEvidence::stateKey(State(state.toInt())) : QString(),
            index.data(ChecklistEvidenceProxy::EvidenceTextRole).toString(),
            path.isEmpty() ? QString() : QDir(m_loaded.folder).relativeFilePath(path)}
                         .join(u'|'));
    }
    return lines.join(u'\n');
}

void TestChecklistEvidenceProxy::line_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("passed");
    QTest::addColumn<int>("probes");
    QTest::addColumn<QStringList>("reasons");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("expected");

    QTest::addRow("current") << int(State::Current) << 5 << 5 << QStringList() << u"test"_s
                             << u"Tested 2026-11-28 10:41 · 5/5 passed"_s;
    QTest::addRow("stale, one reason")
        << int(State::Stale) << 11 << 12 << QStringList{u"server/logistics-gw changed after x ran"_s}
        << u"test"_s << u"Stale: server/logistics-gw changed after x ran"_s;
    QTest::addRow("stale, three reasons")
        << int(State::Stale) << 0 << 2 << QStringList{u"a failed: refused"_s, u"b failed: timeout"_s, u"c"_s}
        << u"test"_s << u"Stale: a failed: refused (+2 more)"_s;
    QTest::addRow("stale without a reason") << int(State::Stale) << 1 << 2 << QStringList() << u"test"_s
                                            << u"Stale: the evidence no longer holds"_s;
    QTest::addRow("failed, the failure before an edit")
        << int(State::Failed) << 1 << 3
        << QStringList{u"server/x changed after b ran"_s, u"a failed: refused"_s,
               u"c could not run: no secret"_s}
        << u"test"_s << u"Failed: a failed: refused (+2 more)"_s;
    QTest::addRow("missing") << int(State::Missing) << 0 << 3 << QStringList{u"a has not run yet"_s}
                             << u"test"_s << u"Not tested yet"_s;
    QTest::addRow("no probe for it") << int(State::Missing) << 0 << 0
                                     << QStringList{u"no probe evidences this item in this environment"_s}
                                     << u"prod"_s << u"No probe tests this in prod"_s;
    QTest::addRow("no environment") << int(State::Missing) << 0 << 0 << QStringList() << QString()
                                    << u"No environment to test in"_s;
}

void TestChecklistEvidenceProxy::line()
{
    QFETCH(int, state);
    QFETCH(int, passed);
    QFETCH(int, probes);
    QFETCH(QStringList, reasons);
    QFETCH(QString, environment);
    QFETCH(QString, expected);
    const ItemEvidence item = evidence(Phase::ServersDb, u"ports-open"_s, State(state), passed, probes,
        reasons, state == int(State::Missing) ? QString() : u"/p/evidence/probes/r.json"_s);
    QCOMPARE(ChecklistEvidenceProxy::line(item, environment), expected);
}

void TestChecklistEvidenceProxy::toolTip_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QStringList>("reasons");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");

    QTest::addRow("current") << int(State::Current) << QStringList() << u"/p/evidence/probes/r.json"_s
                             << u"Probe evidence in test: 2 of 3 probes passed, 2026-11-28 10:41.\n"
                                "Evidence: /p/evidence/probes/r.json"_s;
    QTest::addRow("stale: every reason")
        << int(State::Stale) << QStringList{u"a failed: refused"_s, u"server/x changed after b ran"_s}
        << u"/p/evidence/probes/r.json"_s
        << u"Probe evidence in test is stale: 2 of 3 probes still hold (latest run 2026-11-28 10:41).\n"
           "• a failed: refused\n"
           "• server/x changed after b ran\n"
           "Evidence: /p/evidence/probes/r.json"_s;
    QTest::addRow("failed")
        << int(State::Failed) << QStringList{u"a failed: refused"_s} << u"/p/evidence/probes/r.json"_s
        << u"Probe evidence in test shows a failure: 2 of 3 probes passed (latest run 2026-11-28 10:41).\n"
           "• a failed: refused\n"
           "Evidence: /p/evidence/probes/r.json"_s;
    QTest::addRow("missing: eight reasons, then a count")
        << int(State::Missing) << numbered(u"p%1 has not run yet"_s, 10) << QString()
        << u"No probe evidence in test yet.\n"
           "• p1 has not run yet\n• p2 has not run yet\n• p3 has not run yet\n• p4 has not run yet\n"
           "• p5 has not run yet\n• p6 has not run yet\n• p7 has not run yet\n• p8 has not run yet\n"
           "… and 2 more"_s;
}

void TestChecklistEvidenceProxy::toolTip()
{
    QFETCH(int, state);
    QFETCH(QStringList, reasons);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const ItemEvidence item = evidence(Phase::ServersDb, u"ports-open"_s, State(state), 2, 3, reasons, path);
    QCOMPARE(ChecklistEvidenceProxy::toolTip(item, u"test"_s), expected);
}

void TestChecklistEvidenceProxy::rolesOfEveryRow()
{
    ChecklistEvidenceProxy *proxy = proxyOf(Phase::ServersDb);
    QCOMPARE(proxy->rowCount(), 6);
    // until the evidence is known, the items probes test say it is being checked
    QCOMPARE(printed(proxy),
        u"servers-recorded|no|||\n"
        "firewall-request|no|||\n"
        "ports-open|yes||Checking the probe evidence…|\n"
        "db-access|yes||Checking the probe evidence…|\n"
        "file-servers|yes||Checking the probe evidence…|\n"
        "infra-signoff|no|||"_s);

    QSignalSpy changed(proxy, &QAbstractItemModel::dataChanged);
    const QList<ItemEvidence> items{evidence(Phase::Connection, u"reachability-tested"_s, State::Current, 7,
                                        7, {}, u"evidence/probes/a.json"_s),
        evidence(Phase::ServersDb, u"ports-open"_s, State::Current, 12, 12, {}, u"evidence/probes/b.json"_s),
        evidence(Phase::ServersDb, u"db-access"_s, State::Stale, 1, 2, {u"d failed: refused"_s},
            u"evidence/probes/a.json"_s),
        evidence(Phase::ServersDb, u"file-servers"_s, State::Missing, 0, 2, {u"f has not run yet"_s})};
    proxy->setEvidence(items, m_loaded.folder, u"test"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(printed(proxy),
        u"servers-recorded|no|||\n"
        "firewall-request|no|||\n"
        "ports-open|yes|current|Tested 2026-11-28 10:41 · 12/12 passed|evidence/probes/b.json\n"
        "db-access|yes|stale|Stale: d failed: refused|evidence/probes/a.json\n"
        "file-servers|yes|missing|Not tested yet|\n"
        "infra-signoff|no|||"_s);
    QVERIFY(
        QDir::isAbsolutePath(proxy->index(2, 0).data(ChecklistEvidenceProxy::EvidencePathRole).toString()));
    QCOMPARE(proxy->index(3, 0).data(ChecklistEvidenceProxy::EvidenceReasonsRole).toStringList(),
        QStringList{u"d failed: refused"_s});
    QCOMPARE(proxy->index(2, 0).data(ChecklistEvidenceProxy::EvidenceTestedAtRole).toDateTime(), testedAt);
    // the item's tooltip: its own text, then the evidence; other columns keep theirs
    const QString tip = proxy->index(3, ChecklistModel::TitleColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(
                 u"Database login, validation query and tables checked\n\nProbe evidence in test is stale"_s),
        qPrintable(tip));
    QVERIFY2(tip.contains(u"• d failed: refused"_s), qPrintable(tip));
    QCOMPARE(proxy->index(3, ChecklistModel::SignoffColumn).data(Qt::ToolTipRole),
        proxy->sourceModel()->index(3, ChecklistModel::SignoffColumn).data(Qt::ToolTipRole));
    QCOMPARE(proxy->evidence(u"db-access"_s)->state, State::Stale);
    QVERIFY(!proxy->evidence(u"reachability-tested"_s)); // another phase's

    proxy->clearEvidence();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(proxy->index(2, 0).data(ChecklistEvidenceProxy::EvidenceTextRole).toString(),
        ChecklistEvidenceProxy::checkingText());
    QVERIFY(!proxy->index(2, 0).data(ChecklistEvidenceProxy::EvidenceStateRole).isValid());
}

void TestChecklistEvidenceProxy::phaseWithoutEvidencePassesThrough()
{
    ChecklistEvidenceProxy *proxy = proxyOf(Phase::Systems);
    QSignalSpy changed(proxy, &QAbstractItemModel::dataChanged);
    proxy->setEvidence({evidence(Phase::ServersDb, u"ports-open"_s, State::Current, 1, 1, {}, u"a.json"_s)},
        m_loaded.folder, u"test"_s);
    QCOMPARE(changed.size(), 0); // nothing here changes
    QVERIFY(proxy->rowCount() > 0);
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, 0);
        QVERIFY(!index.data(ChecklistEvidenceProxy::EvidencedRole).toBool());
        QVERIFY(!index.data(ChecklistEvidenceProxy::EvidenceTextRole).isValid());
        QCOMPARE(index.data(Qt::ToolTipRole), proxy->sourceModel()->index(row, 0).data(Qt::ToolTipRole));
    }
}

QTEST_GUILESS_MAIN(TestChecklistEvidenceProxy)
#include "tst_checklistevidenceproxy.moc"
