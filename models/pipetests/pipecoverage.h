#pragma once

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>

namespace jb {

struct PipeDefinition;
struct StepDefinition;
class PipeTrace;

// How much of one pipe the runs of its tests went through, computed from their traces: which
// steps ran (skipped ones do not count), and which branches were taken. The branches: each
// `when` and the `otherwise` of every choice (the implicit one too: no condition held), the
// pipe's onException, a for-each's onException, and the continue path of every step with
// "failOnError": "continue" (the step failed and the run went on).
class PipeCoverage final
{
public:
    struct Branch
    {
        QString id; // "decide when 1", "decide otherwise", "cep continue", "onException"
        bool taken = false;
    };

    static PipeCoverage of(const PipeDefinition &pipe);
    void add(const PipeTrace &trace);
    void merge(const PipeCoverage &other); // the same pipe, measured by another suite

    QString pipeId() const { return m_pipeId; }
    const QStringList &steps() const { return m_steps; }
    const QList<Branch> &branches() const { return m_branches; }
    qsizetype stepsExecuted() const { return m_executed.size(); }
    qsizetype branchesTaken() const;
    double stepPercent() const;
    double branchPercent() const;
    QStringList missedSteps() const;
    QStringList missedBranches() const;

    // "sp-check: steps 12/12 (100%), branches 9/9 (100%)" then a line per missed step or branch.
    QString toText() const;
    QJsonObject toJson() const;

private:
    void collect(const StepDefinition &step);
    void take(const QString &branchId);

    QString m_pipeId;
    QStringList m_steps; // every step id, in file order
    QSet<QString> m_executed;
    QList<Branch> m_branches;
    QSet<QString> m_continueSteps;
    QSet<QString> m_exceptionFirst; // the first step of the pipe's onException
    QHash<QString, QString> m_loopHandlers; // first step of a for-each's onException -> its branch
};

} // namespace jb
