#pragma once

#include "evidencestore.h"
#include "probespec.h"

#include <QHash>
#include <QThreadPool>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTextBrowser;
class QTimer;
class QToolButton;

namespace jb {

class KeychainSecretStore;
class LatencyChart;
class LatencyHistoryModel;
class ProbeResultsModel;
class ProbeRunner;
class ProbeTableProxy;
class ProjectSession;
class SecretStore;

// The connectivity tests of phases 1 (Connection) and 2 (Servers / DB): the probes the planner
// makes from the inventory for the chosen environment, plus the user's own; run one, a phase's or
// all of them (the runner works off the GUI thread, so does the evidence); the results with the
// selected probe's details and latency history below. Enabling, editing, adding and removing a probe
// are undoable edits of the project's probe entities, made through the DocumentEditor.
class ProbesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbesPage)

public:
    ProbesPage(ProjectSession *session, QWidget *parent = nullptr);
    ~ProbesPage() override;

    // The phase shown and run by "Run phase": 1, 2, or 0 for both.
    void setPhase(int phase);
    int phase() const;
    void setEnvironment(const QString &environment);
    QString environment() const { return m_environment; }
    // Where secrets come from; by default JOURNEYBENCH_SECRET_<NAME>, then the keychain.
    void setSecretStore(std::shared_ptr<const SecretStore> secrets);

    const QList<ProbeSpec> &plan() const { return m_plan; }
    std::optional<ProbeSpec> probe(const QString &id) const;
    QString selectedProbeId() const;
    void selectProbe(const QString &id);

    void runProbes(const QStringList &ids);
    void runSelected();
    void runPhase();
    void runAll();
    void cancel();
    bool isRunning() const;

    // Undoable edits of the project: a probe's new definition (an edit of a generated probe is
    // stored under the generated id), a new probe, enabling, and removing a user probe or an edit.
    void saveProbe(const QJsonObject &probe);
    void addProbe(QJsonObject probe);
    void setProbeEnabled(const QString &id, bool enabled);
    void removeProbe(const QString &id);

    ProbeResultsModel *resultsModel() const { return m_results; }
    ProbeTableProxy *tableModel() const { return m_proxy; }
    LatencyHistoryModel *historyModel() const { return m_history; }
    QTableView *tableView() const { return m_table; }
    QTextBrowser *detailsView() const { return m_details; }
    QComboBox *environmentBox() const { return m_environmentBox; }
    QProgressBar *progressBar() const { return m_progress; }
    ProbeRunner *runner() const { return m_runner; }
    const QList<EvidenceStore::Entry> &evidence() const { return m_entries; }

Q_SIGNALS:
    // The environment the page plans, runs and reads evidence for: chosen, or picked by default.
    void environmentChanged(const QString &environment);
    void runFinished(const jb::ProbeRun &run);
    // `path` is absolute; empty with `error` set when the evidence could not be written.
    void evidenceWritten(const QString &path, const QString &error);
    void evidenceLoaded();
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // probespage.cpp
    void buildLayout();
    QWidget *buildToolbar();
    void replan();
    void refreshEnvironments();
    void updateDetails();
    void updateActions();
    void updateSummary();
    void onCurrentChanged();
    // probespage_run.cpp
    void start(const QList<ProbeSpec> &probes);
    void onFinished(const ProbeRun &run);
    void storeEvidence(const ProbeRun &run, const QList<ProbeSpec> &probes);
    void loadEvidence();
    void applyLatest(const QList<EvidenceStore::Entry> &entries);
    // probespage_edit.cpp
    void editSelected();
    void addNew();
    void removeSelected();
    void openSecrets();
    QStringList secretNames() const;

    ProjectSession *m_session;
    QString m_environment;
    QList<ProbeSpec> m_plan;
    QList<ProbeSpec> m_running; // the probes of the run under way
    QList<EvidenceStore::Entry> m_entries; // this environment's evidence, oldest first
    QHash<QString, QString> m_evidencePath; // probe id -> the evidence file of its latest result
    quint64 m_evidenceGeneration = 0;
    QThreadPool m_io; // one thread: evidence is read and written in order, never on the GUI thread

    ProbeResultsModel *m_results;
    ProbeTableProxy *m_proxy;
    LatencyHistoryModel *m_history;
    KeychainSecretStore *m_keychain;
    std::shared_ptr<const SecretStore> m_secrets;
    ProbeRunner *m_runner;
    QTimer *m_replan;

    QComboBox *m_environmentBox = nullptr;
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
