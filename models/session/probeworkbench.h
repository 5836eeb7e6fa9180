#pragma once

#include "evidencestore.h"
#include "probespec.h"
#include "projectdata.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QThreadPool>

#include <memory>
#include <optional>

class QTimer;

namespace jb {

class KeychainSecretStore;
class ProbeResultsModel;
class ProbeRunner;
class ProjectSession;
class SecretStore;

// The connectivity tests of phases 1 (Connection) and 2 (Servers / DB) for the open project: the
// probes the planner makes from the inventory for the chosen environment, plus the user's own; one
// run at a time (the runner works off the GUI thread, so does the evidence); the evidence of this
// environment's runs, read from and written to the project. One per session, with no Widgets: both
// probes pages are views of it, so a run started on one shows on the other, and the checklists
// follow its environment. Enabling, editing, adding and removing a probe are undoable edits of the
// project's probe entities, made through the session's DocumentEditor.
class ProbeWorkbench final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeWorkbench)

public:
    explicit ProbeWorkbench(ProjectSession *session, QObject *parent = nullptr);
    ~ProbeWorkbench() override;

    ProjectSession *session() const { return m_session; }

    // `current` when the project still has it, else the project's default environment.
    static QString environmentFor(const QList<EntityRecord> &entities, const QString &current);
    QString environment() const { return m_environment; }
    void setEnvironment(const QString &environment);

    // Where secrets come from; by default JOURNEYBENCH_SECRET_<NAME>, then the keychain.
    void setSecretStore(std::shared_ptr<const SecretStore> secrets);
    // The OS keychain of the default store, where the secrets dialog writes.
    KeychainSecretStore *keychain() const { return m_keychain; }

    const QList<ProbeSpec> &plan() const { return m_plan; }
    std::optional<ProbeSpec> probe(const QString &id) const;
    // The secrets the plan's probes name, sorted, each once.
    QStringList secretNames() const;
    // A row per planned probe with its latest result.
    ProbeResultsModel *resultsModel() const { return m_results; }

    void runProbes(const QStringList &ids);
    // Every enabled probe of `phase` (1 or 2; 0 for both).
    void runPhase(int phase);
    void runAll();
    void cancel();
    bool isRunning() const;
    ProbeRunner *runner() const { return m_runner; }

    // Undoable edits of the project: a probe's new definition (an edit of a generated probe is
    // stored under the generated id), a new probe (planned at once; its id is returned), enabling,
    // and removing a user probe or an edit.
    void saveProbe(const QJsonObject &probe);
    QString addProbe(QJsonObject probe);
    void setProbeEnabled(const QString &id, bool enabled);
    void removeProbe(const QString &id);

    // This environment's evidence, oldest first, and the file of a probe's latest result.
    const QList<EvidenceStore::Entry> &evidence() const { return m_entries; }
    QString evidencePath(const QString &probeId) const { return m_evidencePath.value(probeId); }
    // Reads this environment's evidence (again: another page or the CLI may have run probes).
    void loadEvidence();

Q_SIGNALS:
    // Around a new plan (the results model is reset in between): views keep their selection.
    void planAboutToChange();
    void planChanged();
    // The environment planned, run and read: chosen, or picked by default.
    void environmentChanged(const QString &environment);
    void runStarting();
    void probeFinished(const jb::ProbeResult &result);
    void runFinished(const jb::ProbeRun &run);
    // evidence() or evidencePath() changed.
    void evidenceChanged();
    // `path` is absolute; empty with `error` set when the evidence could not be written.
    void evidenceWritten(const QString &path, const QString &error);
    void evidenceLoaded();
    void statusMessage(const QString &text);

private:
    // probeworkbench.cpp
    void replan();
    void onReset();
    // probeworkbench_run.cpp
    void start(const QList<ProbeSpec> &probes);
    void onFinished(const ProbeRun &run);
    void storeEvidence(const ProbeRun &run, const QList<ProbeSpec> &probes);
    void applyLatest(const QList<EvidenceStore::Entry> &entries);

    ProjectSession *m_session;
    QString m_environment;
    QList<ProbeSpec> m_plan;
    QList<ProbeSpec> m_running; // the probes of the run under way
    QList<EvidenceStore::Entry> m_entries; // this environment's evidence, oldest first
    QHash<QString, QString> m_evidencePath; // probe id -> the evidence file of its latest result
    quint64 m_evidenceGeneration = 0;
    QThreadPool m_io; // one thread: evidence is read and written in order, never on the GUI thread

    ProbeResultsModel *m_results;
    KeychainSecretStore *m_keychain;
    std::shared_ptr<const SecretStore> m_secrets;
    ProbeRunner *m_runner;
    QTimer *m_replan;
};

} // namespace jb
