#include "unittestspage.h"

#include "casediff.h"
#include "casediffview.h"
#include "core/offthread.h"
#include "environmentbox.h"
#include "htmlreport.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "suiteloader.h"
#include "testrunplan.h"
#include "teststatusdelegate.h"
#include "unittestjob.h"
#include "unittesttreemodel.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTemporaryFile>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

UnitTestsPage::UnitTestsPage(ProjectSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new UnitTestTreeModel(session->document(), this))
    , m_job(new UnitTestJob(this))
{
    buildLayout();
    connect(m_job, &UnitTestJob::caseStarted, m_model, &UnitTestTreeModel::setRunning);
    connect(m_job, &UnitTestJob::caseFinished, this, [this](const CaseResult &result) {
        m_model->addResult(result);
        m_progress->setValue(++m_done);
        if (currentIndex().data(UnitTestTreeModel::RunNameRole).toString() == result.name)
            updateDetails();
    });
    connect(m_job, &UnitTestJob::finished, this, &UnitTestsPage::onFinished);

    // a tree rebuilt by an edit keeps the case that was current
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = currentIndex();
        const QString leaf = current.data(UnitTestTreeModel::RunNameRole).toString();
        m_reselect = {current.data(UnitTestTreeModel::SuiteIdRole).toString(),
            leaf.isEmpty() ? current.data(UnitTestTreeModel::PointerRole).toString() : leaf};
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandToDepth(0);
        QModelIndex again = m_model->leafIndex(m_reselect.first, m_reselect.second);
        if (!again.isValid()) {
            const QModelIndex suite = m_model->suiteIndex(m_reselect.first);
            for (int row = 0; row < m_model->rowCount(suite); ++row) {
                const QModelIndex test = m_model->index(row, 0, suite);
                if (test.data(UnitTestTreeModel::PointerRole).toString() == m_reselect.second)
                    again = test;
            }
            if (!again.isValid())
                again = suite;
        }
        if (again.isValid())
            m_tree->setCurrentIndex(again);
        updateDetails();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &UnitTestsPage::updateActions);
    connect(m_session->document(), &ProjectDocument::wasReset, this, [this] {
        // another project: the last run was someone else's
        m_lastRecord.reset();
        m_lastEvidence.clear();
        updateCoverage();
        Q_EMIT coverageChanged({});
        refreshEnvironments();
    });
    const auto onEntity = [this](const QString &kind) {
        if (kind == u"environment")
            refreshEnvironments();
    };
    connect(m_session->document(), &ProjectDocument::entityInserted, this, onEntity);
    connect(m_session->document(), &ProjectDocument::entityRemoved, this, onEntity);
    connect(m_session->document(), &ProjectDocument::entityChanged, this, onEntity);
    refreshEnvironments();
    m_tree->expandToDepth(0);
    updateCoverage();
    updateActions();
}

UnitTestsPage::~UnitTestsPage() = default;

void UnitTestsPage::buildLayout()
{
    m_tree = new QTreeView(this);
    m_tree->setObjectName(u"unitTestsTree"_s);
    m_tree->setModel(m_model);
    m_tree->setItemDelegateForColumn(UnitTestTreeModel::StatusColumn, new TestStatusDelegate(m_tree));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(true);
    header->resizeSection(UnitTestTreeModel::NameColumn, 290);
    header->resizeSection(UnitTestTreeModel::StatusColumn, 70);
    header->resizeSection(UnitTestTreeModel::DurationColumn, 70);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.data(UnitTestTreeModel::KindRole).toInt() != int(UnitTestTreeModel::Kind::Suite))
            editCase();
    });

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(8, 0, 0, 0);
    detailLayout->setSpacing(6);
    m_detailTitle = heading(tr("Choose a case"), detail);
    m_detailTitle->setObjectName(u"unitTestTitle"_s);
    m_detailTitle->setWordWrap(true);
    m_detailText = new QLabel(detail);
    m_detailText->setObjectName(u"unitTestText"_s);
    m_detailText->setWordWrap(true);
    m_detailText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diff = new CaseDiffView(detail);
    m_diff->setObjectName(u"caseDiff"_s);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detailText);
    detailLayout->addWidget(m_diff, 1);

    auto *runBox = new QWidget(this);
    auto *runLayout = new QVBoxLayout(runBox);
    runLayout->setContentsMargins(8, 0, 0, 0);
    runLayout->setSpacing(4);
    m_coverage = new QLabel(runBox);
    m_coverage->setObjectName(u"unitTestCoverage"_s);
    m_coverage->setWordWrap(true);
    m_coverage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_coverage->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_evidence = new QLabel(runBox);
    m_evidence->setObjectName(u"unitTestEvidence"_s);
    m_evidence->setWordWrap(true);
    m_evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *coverageScroll = new QScrollArea(runBox);
    coverageScroll->setWidgetResizable(true);
    coverageScroll->setFrameShape(QFrame::NoFrame);
    coverageScroll->setWidget(m_coverage);
    runLayout->addWidget(heading(tr("Coverage of the last run"), runBox));
    runLayout->addWidget(coverageScroll, 1);
    runLayout->addWidget(m_evidence);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->setChildrenCollapsible(false);
    right->addWidget(detail);
    right->addWidget(runBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_tree);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({620, 640});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(buildToolbar());
    layout->addWidget(split, 1);
}

QWidget *UnitTestsPage::buildToolbar()
{
    auto *bar = new QWidget(this);
    const auto button = [bar](const QString &text, const QString &name, const QString &tip) {
        auto *made = new QPushButton(text, bar);
        made->setObjectName(name);
        made->setToolTip(tip);
        return made;
    };
    const auto tool = [bar](const QString &text, const QString &name, const QString &tip) {
        auto *made = new QToolButton(bar);
        made->setText(text);
        made->setObjectName(name);
        made->setToolTip(tip);
        return made;
    };
    m_environmentBox = new QComboBox(bar);
    m_environmentBox->setObjectName(u"unitTestsEnvironment"_s);
    m_environmentBox->setToolTip(tr("The environment whose variables the pipes read"));
    m_runSelected = button(tr("Run selected"), u"runSelectedCase"_s,
        tr("Run the selected case (a case with rows runs every row)"));
    m_runSuite = button(tr("Run suite"), u"runSuite"_s, tr("Run every case of the selected case's suite"));
    m_runAll = button(tr("Run all"), u"runAllSuites"_s, tr("Run every suite of the project"));
    m_cancel = button(tr("Cancel"), u"cancelUnitTests"_s, tr("Stop the run after the case running now"));
    m_progress = new QProgressBar(bar);
    m_progress->setObjectName(u"unitTestsProgress"_s);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("idle"));
    m_progress->setValue(0);
    m_progress->setMinimumWidth(140);
    m_progress->setMaximumWidth(220);
    m_add = tool(tr("Add"), u"addCase"_s, tr("Add a case to the selected suite"));
    m_duplicate = tool(tr("Duplicate"), u"duplicateCase"_s, tr("Copy the selected case"));
    m_remove = tool(tr("Remove"), u"removeCase"_s, tr("Remove the selected case (undoable)"));
    m_edit = tool(
        tr("Edit JSON…"), u"editCase"_s, tr("Edit the selected case's JSON, checked before it is kept"));
    m_report = button(
        tr("Open HTML report"), u"openHtmlReport"_s, tr("The last run as a self-contained HTML page"));
    connect(m_environmentBox, &QComboBox::currentTextChanged, this, &UnitTestsPage::environmentChanged);
    connect(m_runSelected, &QPushButton::clicked, this, &UnitTestsPage::runSelected);
    connect(m_runSuite, &QPushButton::clicked, this, &UnitTestsPage::runSuite);
    connect(m_runAll, &QPushButton::clicked, this, &UnitTestsPage::runAll);
    connect(m_cancel, &QPushButton::clicked, this, &UnitTestsPage::cancel);
    connect(m_add, &QToolButton::clicked, this, &UnitTestsPage::addCase);
    connect(m_duplicate, &QToolButton::clicked, this, &UnitTestsPage::duplicateCase);
    connect(m_remove, &QToolButton::clicked, this, &UnitTestsPage::removeCase);
    connect(m_edit, &QToolButton::clicked, this, &UnitTestsPage::editCase);
    connect(m_report, &QPushButton::clicked, this, [this] {
        // opened once written; the page's tests write it without opening a browser
        m_openReport = true;
        writeHtmlReport();
    });

    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Environment:"), bar));
    row->addWidget(m_environmentBox);
    row->addSpacing(8);
    row->addWidget(m_runSelected);
    row->addWidget(m_runSuite);
    row->addWidget(m_runAll);
    row->addWidget(m_cancel);
    row->addWidget(m_progress);
    row->addSpacing(12);
    row->addWidget(m_add);
    row->addWidget(m_duplicate);
    row->addWidget(m_remove);
    row->addWidget(m_edit);
    row->addStretch(1);
    row->addWidget(m_report);
    return bar;
}

void UnitTestsPage::refreshEnvironments()
{
    QString environment = m_environmentBox->currentText();
    if (environment.isEmpty())
        environment = u"test"_s;
    EnvironmentBox::refill(m_environmentBox, m_session->document()->allEntities(), environment);
}

QModelIndex UnitTestsPage::currentIndex() const
{
    return m_tree->currentIndex().siblingAtColumn(0);
}

bool UnitTestsPage::isRunning() const
{
    return m_job->isRunning();
}

void UnitTestsPage::runSelected()
{
    const QModelIndex current = currentIndex();
    const QString suite = current.data(UnitTestTreeModel::SuiteIdRole).toString();
    const QString pointer = current.data(UnitTestTreeModel::PointerRole).toString();
    if (suite.isEmpty())
        return;
    if (pointer.isEmpty())
        start({suite}, {});
    else
        start({suite}, {{suite, {pointer}}});
}

void UnitTestsPage::runSuite()
{
    const QString suite = currentIndex().data(UnitTestTreeModel::SuiteIdRole).toString();
    if (!suite.isEmpty())
        start({suite}, {});
}

void UnitTestsPage::runAll()
{
    start({}, {});
}

void UnitTestsPage::cancel()
{
    m_job->cancel();
    m_progress->setFormat(tr("cancelling…"));
}

void UnitTestsPage::start(const QStringList &suites, const QMap<QString, QStringList> &cases)
{
    if (m_job->isRunning())
        return;
    const ProjectDocument *document = m_session->document();
    ProjectData project = document->data();
    project.entities = document->allEntities();
    TestRunPlan::Options options;
    options.environment
        = m_environmentBox->currentText().isEmpty() ? u"test"_s : m_environmentBox->currentText();
    options.suites = suites;
    options.cases = cases;
    TestRunPlan prepared;
    const Result<TestRunPlan> planned = TestRunPlan::prepare(project, options, &prepared);
    if (!planned) {
        QStringList lines{planned.errorString()};
        for (const Diagnostic &diagnostic : std::as_const(prepared.diagnostics))
            lines.append(diagnostic.format());
        m_detailTitle->setText(tr("The run did not start"));
        m_detailText->setText(lines.join(u'\n'));
        m_diff->clear();
        Q_EMIT statusMessage(planned.errorString());
        return;
    }
    m_done = 0;
    // the evidence goes with a saved project only: a new one has no folder yet
    m_job->start(project, planned.value(), document->hasFolder());
    m_progress->setRange(0, std::max(m_job->caseCount(), 1));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m cases"));
    updateActions();
}

void UnitTestsPage::onFinished(
    const TestRunRecord &record, const QString &evidence, const QString &error, bool cancelled)
{
    m_model->endRun();
    // a pipe this run did not test keeps the coverage an earlier run measured
    TestRunRecord merged = record;
    if (m_lastRecord) {
        for (const PipeCoverage &earlier : std::as_const(m_lastRecord->coverage)) {
            bool measured = false;
            for (const PipeCoverage &now : std::as_const(record.coverage))
                measured = measured || now.pipeId() == earlier.pipeId();
            if (!measured)
                merged.coverage.append(earlier);
        }
    }
    m_lastRecord = merged;
    m_lastEvidence = evidence;
    const int failed = record.failedCases();
    m_progress->setFormat(cancelled ? tr("cancelled: %v of %m")
            : failed > 0            ? tr("%1 failed").arg(failed)
                                    : tr("all passed"));
    updateCoverage();
    updateDetails();
    updateActions();
    Q_EMIT coverageChanged(coveredSteps());
    Q_EMIT statusMessage(error.isEmpty()
            ? tr("Unit tests: %1 cases, %2 failed").arg(record.cases.size()).arg(failed)
            : tr("Unit tests ran, but their evidence was not stored: %1").arg(error));
    Q_EMIT runFinished(evidence);
}

QHash<QString, QSet<QString>> UnitTestsPage::coveredSteps() const
{
    QHash<QString, QSet<QString>> covered;
    if (!m_lastRecord)
        return covered;
    for (const PipeCoverage &coverage : std::as_const(m_lastRecord->coverage)) {
        QSet<QString> steps(coverage.steps().cbegin(), coverage.steps().cend());
        for (const QString &missed : coverage.missedSteps())
            steps.remove(missed);
        covered.insert(coverage.pipeId(), steps);
    }
    return covered;
}

void UnitTestsPage::updateCoverage()
{
    if (!m_lastRecord) {
        m_coverage->setText(tr("No run yet. Run the suites to see which steps and branches they reach."));
        m_evidence->clear();
        return;
    }
    QStringList lines;
    for (const PipeCoverage &coverage : std::as_const(m_lastRecord->coverage))
        lines.append(coverage.toText().trimmed());
    m_coverage->setText(lines.join(u"\n"_s));
    m_evidence->setText(m_lastEvidence.isEmpty()
            ? tr("Evidence: not stored (the project is not saved in a folder)")
            : tr("Evidence: %1").arg(m_lastEvidence));
}

void UnitTestsPage::updateDetails()
{
    const QModelIndex current = currentIndex();
    if (!current.isValid()) {
        m_detailTitle->setText(tr("Choose a case"));
        m_detailText->setText(
            tr("Select a suite or a case in the tree to see what it checks and what its last run gave."));
        m_diff->clear();
        return;
    }
    const auto status = UnitTestTreeModel::Status(current.data(UnitTestTreeModel::StatusRole).toInt());
    const QString name = current.data().toString();
    const QString message = current.siblingAtColumn(UnitTestTreeModel::MessageColumn).data().toString();
    m_detailTitle->setText(u"%1 — %2"_s.arg(name, UnitTestTreeModel::statusName(status)));
    const CaseResult *result = m_model->resultAt(current);
    if (!result) {
        m_detailText->setText(message.isEmpty() ? tr("Not run yet.") : message);
        m_diff->clear();
        return;
    }
    // the case as the suite writes it now, beside what its run gave
    const int row = current.data(UnitTestTreeModel::EntityRowRole).toInt();
    const ProjectDocument *document = m_session->document();
    ProjectData project = document->data();
    project.entities = document->allEntities();
    QList<SuiteProblem> problems;
    const TestSuite suite = TestSuite::fromJson(
        document->at(testKind, row).data, SuiteLoader::contractSchemas(project), &problems);
    for (const TestCase &test : suite.cases) {
        if (test.name == result->name) {
            const CaseDiff diff = CaseDiff::of(test, *result);
            m_diff->setDiff(diff);
            m_detailText->setText(result->passed
                    ? tr("Every expectation held (%1 ms).")
                          .arg(double(result->durationUs) / 1000.0, 0, 'f', 1)
                    : tr("%n expectation(s) did not hold; the differing paths are marked.", nullptr,
                        int(result->failures.size())));
            return;
        }
    }
    m_detailText->setText(message);
    m_diff->clear();
}

void UnitTestsPage::updateActions()
{
    const bool running = m_job->isRunning();
    const QModelIndex current = currentIndex();
    const bool any = current.isValid();
    const bool isCase
        = any && current.data(UnitTestTreeModel::KindRole).toInt() != int(UnitTestTreeModel::Kind::Suite);
    m_runSelected->setEnabled(!running && any);
    m_runSuite->setEnabled(!running && any);
    m_runAll->setEnabled(!running && m_model->rowCount() > 0);
    m_cancel->setEnabled(running);
    m_environmentBox->setEnabled(!running);
    m_add->setEnabled(any);
    m_duplicate->setEnabled(isCase);
    m_remove->setEnabled(isCase);
    m_edit->setEnabled(isCase);
    m_report->setEnabled(!running && m_lastRecord.has_value());
}

void UnitTestsPage::writeHtmlReport()
{
    if (!m_lastRecord)
        return;
    const TestRunRecord record = *m_lastRecord;
    const QString name = m_session->document()->projectName();
    // a file of its own in the temporary folder, made there too: it outlives the page, for the
    // browser that opens it
    runOffThread(
        this, nullptr,
        [record, name]() -> std::pair<QString, QString> {
            QTemporaryFile file(QDir::temp().filePath(u"journeybench-unit-tests-XXXXXX.html"_s));
            file.setAutoRemove(false);
            const QByteArray page = HtmlReport::write(record, name);
            if (!file.open() || file.write(page) != page.size())
                return {QString(), u"cannot write the HTML report: %1"_s.arg(file.errorString())};
            return {file.fileName(), QString()};
        },
        [this](const std::pair<QString, QString> &written) {
            const bool open = std::exchange(m_openReport, false);
            if (!written.second.isEmpty()) {
                Q_EMIT statusMessage(written.second);
                return;
            }
            if (open)
                QDesktopServices::openUrl(QUrl::fromLocalFile(written.first));
            Q_EMIT htmlReportWritten(written.first);
        });
}

void UnitTestsPage::selectCase(const QString &suiteId, const QString &runName)
{
    const QModelIndex found
        = runName.isEmpty() ? m_model->suiteIndex(suiteId) : m_model->leafIndex(suiteId, runName);
    if (found.isValid()) {
        m_tree->setCurrentIndex(found);
        m_tree->scrollTo(found);
    }
}

} // namespace jb
