#include "pipecoverage.h"

#include "pipedefinition.h"
#include "pipetrace.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString percentText(double percent)
{
    return QString::number(percent, 'f', percent == 100.0 || percent == 0.0 ? 0 : 1) + u'%';
}

} // namespace

void PipeCoverage::collect(const StepDefinition &step)
{
    m_steps.append(step.id);
    if (step.continueOnError) {
        m_branches.append({step.id + u" continue"_s});
        m_continueSteps.insert(step.id);
    }
    if (step.type == StepDefinition::Type::Choice) {
        for (size_t i = 0; i < step.when.size(); ++i)
            m_branches.append({u"%1 when %2"_s.arg(step.id).arg(i + 1)});
        m_branches.append({step.id + u" otherwise"_s});
    }
    for (const ChoiceBranch &branch : step.when) {
        for (const StepDefinition &inner : branch.steps)
            collect(inner);
    }
    for (const StepDefinition &inner : step.otherwise)
        collect(inner);
    for (const StepDefinition &inner : step.steps)
        collect(inner);
    if (!step.onException.empty()) {
        m_branches.append({step.id + u" onException"_s});
        m_loopHandlers.insert(step.onException.front().id, step.id + u" onException"_s);
    }
    for (const StepDefinition &inner : step.onException)
        collect(inner);
}

PipeCoverage PipeCoverage::of(const PipeDefinition &pipe)
{
    PipeCoverage coverage;
    coverage.m_pipeId = pipe.id;
    for (const StepDefinition &step : pipe.steps)
        coverage.collect(step);
    if (!pipe.onException.empty()) {
        coverage.m_branches.append({u"onException"_s});
        coverage.m_exceptionFirst.insert(pipe.onException.front().id);
    }
    for (const StepDefinition &step : pipe.onException)
        coverage.collect(step);
    return coverage;
}

void PipeCoverage::take(const QString &branchId)
{
    for (Branch &branch : m_branches) {
        if (branch.id == branchId)
            branch.taken = true;
    }
}

void PipeCoverage::add(const PipeTrace &trace)
{
    for (const TraceEntry &entry : trace.entries) {
        if (entry.status == TraceEntry::Status::Skipped || !m_steps.contains(entry.id))
            continue;
        m_executed.insert(entry.id);
        if (entry.status == TraceEntry::Status::Failed && m_continueSteps.contains(entry.id))
            take(entry.id + u" continue"_s);
        if (m_exceptionFirst.contains(entry.id))
            take(u"onException"_s);
        if (const auto handler = m_loopHandlers.constFind(entry.id); handler != m_loopHandlers.cend())
            take(*handler);
        if (entry.type == u"choice" && entry.status == TraceEntry::Status::Ok) {
            // the choice step says which branch it entered: an index, "otherwise", or null
            const QJsonValue branch = entry.output.toObject().value(u"branch"_s);
            if (branch.isDouble())
                take(u"%1 when %2"_s.arg(entry.id).arg(branch.toInt() + 1));
            else if (branch.isString() || branch.isNull())
                take(entry.id + u" otherwise"_s);
        }
    }
}

void PipeCoverage::merge(const PipeCoverage &other)
{
    m_executed.unite(other.m_executed);
    for (const Branch &branch : other.m_branches) {
        if (branch.taken)
            take(branch.id);
    }
}

qsizetype PipeCoverage::branchesTaken() const
{
    qsizetype taken = 0;
    for (const Branch &branch : m_branches)
        taken += branch.taken ? 1 : 0;
    return taken;
}

double PipeCoverage::stepPercent() const
{
    return m_steps.isEmpty() ? 100.0 : 100.0 * double(stepsExecuted()) / double(m_steps.size());
}

double PipeCoverage::branchPercent() const
{
    return m_branches.isEmpty() ? 100.0 : 100.0 * double(branchesTaken()) / double(m_branches.size());
}

QStringList PipeCoverage::missedSteps() const
{
    QStringList missed;
    for (const QString &step : m_steps) {
        if (!m_executed.contains(step))
            missed.append(step);
    }
    return missed;
}

QStringList PipeCoverage::missedBranches() const
{
    QStringList missed;
    for (const Branch &branch : m_branches) {
        if (!branch.taken)
            missed.append(branch.id);
    }
    return missed;
}

QString PipeCoverage::toText() const
{
    QString text = u"%1: steps %2/%3 (%4), branches %5/%6 (%7)\n"_s.arg(m_pipeId)
                       .arg(stepsExecuted())
                       .arg(m_steps.size())
                       .arg(percentText(stepPercent()))
                       .arg(branchesTaken())
                       .arg(m_branches.size())
                       .arg(percentText(branchPercent()));
    for (const QString &step : missedSteps())
        text += u"  step not run: "_s + step + u'\n';
    for (const QString &branch : missedBranches())
        text += u"  branch not taken: "_s + branch + u'\n';
    return text;
}

QJsonObject PipeCoverage::toJson() const
{
    return {{u"pipe"_s, m_pipeId}, {u"steps"_s, m_steps.size()}, {u"stepsExecuted"_s, stepsExecuted()},
        {u"branches"_s, m_branches.size()}, {u"branchesTaken"_s, branchesTaken()},
        {u"stepPercent"_s, stepPercent()}, {u"branchPercent"_s, branchPercent()},
        {u"missedSteps"_s, QJsonArray::fromStringList(missedSteps())},
        {u"missedBranches"_s, QJsonArray::fromStringList(missedBranches())}};
}

} // namespace jb
