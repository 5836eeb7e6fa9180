#pragma once

#include "checklistevidence.h"

#include <QObject>
#include <QThreadPool>

class QTimer;

namespace jb {

class ProjectDocument;

// Keeps ChecklistEvidence current for the open project and one environment: recomputed when the
// inventory changes (an edited server makes its evidence stale at once), the evidence files re-read
// when asked (a probe run stored one, a page was shown after the CLI ran). Reading the files and
// hashing the inventory happen off the GUI thread; a burst of changes computes once, and a result
// overtaken by a newer request is dropped.
class ChecklistEvidenceTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecklistEvidenceTracker)

public:
    explicit ChecklistEvidenceTracker(ProjectDocument *document, QObject *parent = nullptr);
    ~ChecklistEvidenceTracker() override;

    // The environment whose evidence counts, as the probes page chose it; empty, or one the project
    // does not have: the project's default, the way the probes page picks it.
    void setEnvironment(const QString &environment);
    // The environment the current items are for.
    QString environment() const { return m_environment; }
    // The project folder the items' evidence paths are relative to.
    QString folder() const { return m_folder; }
    // One entry per evidenced item (ChecklistEvidence::evidencedItems()); empty until the first
    // computation ends, and without a project.
    const QList<ItemEvidence> &items() const { return m_items; }
    bool isKnown() const { return m_known; }

    // Re-reads the evidence files, then recomputes.
    void reload();

Q_SIGNALS:
    // The items were recomputed (they may be the same as before).
    void evidenceChanged();

private:
    void schedule(bool reread);
    void start();

    ProjectDocument *m_document;
    QString m_requested; // what setEnvironment() asked for
    QString m_environment;
    QString m_folder;
    QList<ItemEvidence> m_items;
    QList<EvidenceStore::Entry> m_runs; // m_runsEnvironment's evidence, as last read
    QString m_runsEnvironment;
    bool m_runsValid = false; // false from the moment a re-read is asked until one is applied
    bool m_known = false;
    quint64 m_generation = 0;
    QTimer *m_pending;
    QThreadPool m_pool; // one thread: computations run in the order they were asked for
};

} // namespace jb
