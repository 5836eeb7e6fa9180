#pragma once

#include "testrunrecord.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QToolButton;
class QTreeView;

namespace jb {

class CaseDiffView;
class ProjectSession;
class UnitTestJob;
class UnitTestTreeModel;

// Phase 7's Unit tests page: the project's suites, cases and parameter rows as a tree; run the
// selected case, its suite or every suite, with progress and Cancel; for the selected case, the
// expected and actual values side by side with the differing paths marked; the coverage of each
// pipe and the run's evidence file; the run as an HTML report. Adding, duplicating, removing and
// editing a case are undoable edits of the suite's file. Runs happen on the job's thread (and the
// pipe engine's); the page only shows what comes back.
class UnitTestsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnitTestsPage)

public:
    explicit UnitTestsPage(ProjectSession *session, QWidget *parent = nullptr);
    ~UnitTestsPage() override;

    void runSelected();
    void runSuite();
    void runAll();
    void cancel();
    bool isRunning() const;
    // Writes the last run's HTML report (off the GUI thread); htmlReportWritten() gives its path.
    void writeHtmlReport();

    // the case and suite at the tree's current row
    void selectCase(const QString &suiteId, const QString &runName);
    void addCase();
    void duplicateCase();
    void removeCase();
    void editCase();

    UnitTestTreeModel *treeModel() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    CaseDiffView *diffView() const { return m_diff; }
    QLabel *detailTitle() const { return m_detailTitle; }
    QLabel *coverageLabel() const { return m_coverage; }
    QLabel *evidenceLabel() const { return m_evidence; }
    QProgressBar *progressBar() const { return m_progress; }
    QComboBox *environmentBox() const { return m_environmentBox; }
    const std::optional<TestRunRecord> &lastRecord() const { return m_lastRecord; }
    QString lastEvidence() const { return m_lastEvidence; }
    // The steps each pipe's tests ran in the latest run, by pipe id.
    QHash<QString, QSet<QString>> coveredSteps() const;

Q_SIGNALS:
    void statusMessage(const QString &text);
    void environmentChanged(const QString &name);
    // A run ended; `evidence` is the file it stored ("" when none).
    void runFinished(const QString &evidence = QString());
    void coverageChanged(const QHash<QString, QSet<QString>> &coveredStepsByPipe);
    void htmlReportWritten(const QString &path);

private:
    // the project entity kind of test suites
    static inline const QString testKind = QStringLiteral("test");

    // unittestspage.cpp
    void buildLayout();
    QWidget *buildToolbar();
    void start(const QStringList &suites, const QMap<QString, QStringList> &cases);
    void onFinished(
        const TestRunRecord &record, const QString &evidence, const QString &error, bool cancelled);
    void refreshEnvironments();
    void updateDetails();
    void updateActions();
    void updateCoverage();
    QModelIndex currentIndex() const;
    // unittestspage_edit.cpp
    void replaceCases(int entityRow, const QJsonArray &cases, const QString &text);

    ProjectSession *m_session;
    UnitTestTreeModel *m_model;
    UnitTestJob *m_job;
    std::optional<TestRunRecord> m_lastRecord;
    QString m_lastEvidence;
    std::pair<QString, QString> m_reselect; // (suite, pointer or run name) kept over a model reset
    int m_done = 0;
    bool m_openReport = false; // the report being written opens when it is

    QComboBox *m_environmentBox = nullptr;
    QPushButton *m_runSelected = nullptr;
    QPushButton *m_runSuite = nullptr;
    QPushButton *m_runAll = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_add = nullptr;
    QToolButton *m_duplicate = nullptr;
    QToolButton *m_remove = nullptr;
    QToolButton *m_edit = nullptr;
    QPushButton *m_report = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailText = nullptr;
    CaseDiffView *m_diff = nullptr;
    QLabel *m_coverage = nullptr;
    QLabel *m_evidence = nullptr;
};

} // namespace jb
