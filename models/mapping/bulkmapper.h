#pragma once

#include "core/result.h"
#include "fielderror.h"

#include <QJsonObject>

#include <functional>
#include <memory>

class QIODevice;

namespace jb {

class MappingPlan;

// Maps many records with every core: the input is cut into chunks, worker threads (each with its
// own MappingRunner) map them, and the calling thread writes the results in input order. Input
// and output are only touched by the calling thread.
class BulkMapper final
{
public:
    struct Options
    {
        int jobs = 0; // worker threads; 0: one per core
        int chunkRecords = 4096; // records per chunk (database rows)
        QJsonObject environment; // env for JavaScript transforms
    };
    struct Stats
    {
        qint64 records = 0;
        qint64 valid = 0;
        qint64 invalid = 0;
    };
    // Called on the calling thread, in input order, for each record that failed: its line (or
    // row) number from 1, and why.
    using Report = std::function<void(qint64 number, const FieldErrors &errors)>;
    // The next record into `record`; false at the end, or an Error.
    using Source = std::function<Result<bool>(QJsonObject &record)>;

    explicit BulkMapper(std::shared_ptr<const MappingPlan> plan);
    BulkMapper(std::shared_ptr<const MappingPlan> plan, Options options);

    // JSON Lines in (blank lines are skipped but counted), one mapped object per valid line out.
    Result<Stats> mapLines(QIODevice &input, QIODevice &output, const Report &report);
    Result<Stats> mapRecords(const Source &next, QIODevice &output, const Report &report);

private:
    struct Chunk;
    Result<Stats> run(
        const std::function<Result<std::shared_ptr<Chunk>>()> &read, QIODevice &output, const Report &report);

    std::shared_ptr<const MappingPlan> m_plan;
    Options m_options;
};

} // namespace jb
