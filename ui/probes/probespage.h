#pragma once

#include <QWidget>

class QComboBox;
class QJsonObject;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTextBrowser;
class QToolButton;

namespace jb {

class EnvironmentBox;

class LatencyChart;
class LatencyHistoryModel;
class ProbeResultsModel;
class ProbeTableProxy;
class ProbeWorkbench;
struct ProbeRun;

// A view of the session's probe workbench for phase 1 (Connection), phase 2 (Servers / DB) or
// both: the planned probes of the workbench's environment with their latest results, filtered to
// the page's phase; run the selected ones, the phase's or all of them; the selected probe's details
// and latency history below. Editing, adding and removing a probe go through the workbench, as
// undoable edits of the project.
class ProbesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbesPage)

public:
    // `workbench` is the session's (MainWindow makes one and shows it on both phases' pages).
    explicit ProbesPage(ProbeWorkbench *workbench, QWidget *parent = nullptr);
    ~ProbesPage() override;

    ProbeWorkbench *workbench() const { return m_workbench; }

    // The phase shown and run by "Run phase": 1, 2, or 0 for both.
    void setPhase(int phase);
    int phase() const;

    QString selectedProbeId() const;
    void selectProbe(const QString &id);
    void runSelected();
    void runPhase();
    // Adds `probe` through the workbench and selects it.
    void addProbe(const QJsonObject &probe);

    ProbeResultsModel *resultsModel() const;
    ProbeTableProxy *tableModel() const { return m_proxy; }
    LatencyHistoryModel *historyModel() const { return m_history; }
    QTableView *tableView() const { return m_table; }
    QTextBrowser *detailsView() const { return m_details; }
    QComboBox *environmentBox() const { return m_environmentBox; }
    EnvironmentBox *environmentPicker() const { return m_environmentPicker; }
    QProgressBar *progressBar() const { return m_progress; }

Q_SIGNALS:
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // probespage.cpp
    void buildLayout();
    QWidget *buildToolbar();
    void connectWorkbench();
    void onPlanChanged();
    void onEvidenceChanged();
    void onRunFinished(const ProbeRun &run);
    void refreshEnvironments();
    void updateDetails();
    void updateActions();
    void updateSummary();
    void onCurrentChanged();
    // probespage_edit.cpp
    void editSelected();
    void addNew();
    void removeSelected();
    void openSecrets();

    ProbeWorkbench *m_workbench;
    QString m_reselect; // the probe selected before the workbench replanned
    ProbeTableProxy *m_proxy;
    LatencyHistoryModel *m_history;

    EnvironmentBox *m_environmentPicker = nullptr;
    QComboBox *m_environmentBox = nullptr; // the picker's
    QComboBox *m_phaseBox = nullptr;
    QPushButton *m_runSelected = nullptr;
    QPushButton *m_runPhase = nullptr;
    QPushButton *m_runAll = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_add = nullptr;
    QToolButton *m_edit = nullptr;
    QToolButton *m_remove = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_details = nullptr;
    LatencyChart *m_chart = nullptr;
};

} // namespace jb
