#include "mappingpreview.h"

#include "core/whendone.h"
#include "fieldpath.h"
#include "mappingplan.h"
#include "mappingrunner.h"
#include "samplerecords.h"

#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <mutex>

using namespace Qt::StringLiterals;

namespace jb {

// What a stale run needs to be told: stop, and interrupt the script it may be stuck in.
struct MappingPreview::Job
{
    std::atomic<bool> cancelled = false;
    std::mutex mutex;
    MappingRunner *runner = nullptr;

    void cancel()
    {
        cancelled = true;
        std::lock_guard lock(mutex);
        if (runner)
            runner->interrupt();
    }
};

MappingPreview::MappingPreview(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(2);
}

MappingPreview::~MappingPreview()
{
    if (m_current)
        m_current->cancel();
    m_pool.waitForDone();
}

QStringList MappingPreview::columnsFor(const ResolvedMapping &mapping)
{
    QStringList columns;
    for (const ContractField &field : mapping.target.withImplicitParents()) {
        if (!field.isContainer())
            columns.append(field.name);
    }
    for (const MappingRule &rule : mapping.definition.rules) {
        const bool shown = std::any_of(columns.cbegin(), columns.cend(),
            [&](const QString &c) { return c == rule.target || FieldPath::isAncestor(rule.target, c); });
        if (!shown)
            columns.append(rule.target);
    }
    return columns;
}

MappingPreviewResult MappingPreview::compute(const ResolvedMapping &mapping,
    const QList<QJsonObject> &records, const std::function<bool()> &cancelled,
    const std::function<void(MappingRunner *)> &started)
{
    MappingPreviewResult result;
    result.records = records;
    result.columns = columnsFor(mapping);
    Result<std::shared_ptr<const MappingPlan>> plan
        = MappingPlan::compile(mapping.definition, mapping.source, mapping.target);
    if (!plan) {
        result.error = plan.errorString();
        return result;
    }
    MappingRunner runner(plan.value(), mapping.environment);
    if (started)
        started(&runner);
    for (const QJsonObject &record : records) {
        if (cancelled && cancelled())
            break;
        result.mapped.append(runner.map(record, MappingRunner::Detail::Fields));
    }
    if (started)
        started(nullptr);
    return result;
}

void MappingPreview::run(const ResolvedMapping &mapping, const QList<QJsonObject> &records)
{
    if (m_current)
        m_current->cancel();
    auto job = std::make_shared<Job>();
    m_current = job;
    const quint64 generation = ++m_generation;
    if (m_running++ == 0)
        Q_EMIT runningChanged(true);
    // the worker gets copies and the job; it never touches this object
    whenDone(QtConcurrent::run(&m_pool,
                 [mapping, records, job, generation] {
                     MappingPreviewResult result = compute(
                         mapping, records, [job] { return job->cancelled.load(); },
                         [job](MappingRunner *runner) {
                             std::lock_guard lock(job->mutex);
                             job->runner = runner;
                             if (runner && job->cancelled)
                                 runner->interrupt();
                         });
                     result.generation = generation;
                     return result;
                 }),
        this, [this, generation](const MappingPreviewResult &result) {
            if (--m_running == 0)
                Q_EMIT runningChanged(false);
            if (generation != m_generation)
                return; // an edit came after this run started: a newer result is on its way
            m_current.reset();
            Q_EMIT finished(result);
        });
}

void MappingPreview::loadRows(const DatabaseSpec &spec, const QString &sql, int limit)
{
    const quint64 generation = ++m_rowsGeneration;
    whenDone(QtConcurrent::run(
                 &m_pool, [spec, sql, limit] { return SampleRecords::fromDatabase(spec, sql, limit); }),
        this, [this, generation](const Result<QList<QJsonObject>> &rows) {
            if (generation != m_rowsGeneration)
                return;
            if (rows)
                Q_EMIT rowsLoaded(rows.value(), QString());
            else
                Q_EMIT rowsLoaded({}, rows.errorString());
        });
}

} // namespace jb
