#pragma once

#include "caseresult.h"
#include "testrunplan.h"

#include <QObject>
#include <QPointer>

class QThread;

namespace jb {

// A prepared test run carried out on a thread of its own, for the GUI: the runner, its pipe
// engine and its event store (files, in a temporary folder) live there, and so does the writing
// of the evidence record; the signals arrive on the job's thread. One run at a time.
class UnitTestJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnitTestJob)

public:
    explicit UnitTestJob(QObject *parent = nullptr);
    // Cancels a run still going and waits for its current case to end.
    ~UnitTestJob() override;

    // Runs `plan` on a copy of `project` (the mappings and databases its steps use); with
    // `writeEvidence`, the record is stored under <project>/evidence/tests/ when the run ends.
    bool start(const ProjectData &project, TestRunPlan plan, bool writeEvidence = true);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    int caseCount() const { return m_caseCount; }

Q_SIGNALS:
    void caseStarted(const QString &suiteId, const QString &caseName);
    void caseFinished(const jb::CaseResult &result);
    // `evidence`: the record's path relative to the project ("" when not written, `error` says why
    // when writing failed). `cancelled`: the run stopped before its last case.
    void finished(
        const jb::TestRunRecord &record, const QString &evidence, const QString &error, bool cancelled);

private:
    void stopThread();

    QThread *m_thread = nullptr;
    QPointer<QObject> m_anchor; // lives on m_thread; the runner is its child
    int m_caseCount = 0;
};

} // namespace jb
