#include "bulkmapper.h"

#include "jsonlinereader.h"
#include "jsonlinewriter.h"
#include "mappingplan.h"
#include "mappingrunner.h"

#include <QIODevice>
#include <QThread>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr qint64 blockBytes = 512 * 1024;

} // namespace

struct BulkMapper::Chunk
{
    // input: a block of whole lines, or records
    QByteArray block;
    QList<QJsonObject> records;
    qint64 firstNumber = 1;
    // output
    QByteArray out;
    QList<std::pair<qint64, FieldErrors>> errors;
    qint64 records_ = 0;
    qint64 valid = 0;
    bool done = false;

    void process(MappingRunner &runner, const QStringList &order)
    {
        out.reserve(block.size() + records.size() * 160);
        const auto emitRecord = [&](qint64 number, const QJsonObject &record) {
            ++records_;
            MappedRecord mapped = runner.map(record);
            if (mapped.ok()) {
                ++valid;
                JsonLineWriter::append(out, mapped.object, order);
                out.append('\n');
            } else {
                errors.append({number, std::move(mapped.errors)});
            }
        };
        if (!records.isEmpty()) {
            for (qsizetype i = 0; i < records.size(); ++i)
                emitRecord(firstNumber + i, records.at(i));
            records.clear();
            return;
        }
        const char *p = block.constData();
        const char *end = p + block.size();
        qint64 number = firstNumber;
        QJsonObject record;
        QString error;
        while (p < end) {
            const char *newline = static_cast<const char *>(memchr(p, '\n', end - p));
            const char *lineEnd = newline ? newline : end;
            QByteArrayView line(p, lineEnd - p);
            if (line.endsWith('\r'))
                line.chop(1);
            if (!line.trimmed().isEmpty()) {
                if (JsonLineReader::read(line, record, error)) {
                    emitRecord(number, record);
                } else {
                    ++records_;
                    errors.append({number, {{QString(), error}}});
                }
            }
            ++number;
            p = newline ? newline + 1 : end;
        }
        block.clear();
    }
};

BulkMapper::BulkMapper(std::shared_ptr<const MappingPlan> plan)
    : BulkMapper(std::move(plan), Options())
{ }

BulkMapper::BulkMapper(std::shared_ptr<const MappingPlan> plan, Options options)
    : m_plan(std::move(plan))
    , m_options(std::move(options))
{ }

Result<BulkMapper::Stats> BulkMapper::mapLines(QIODevice &input, QIODevice &output, const Report &report)
{
    QByteArray pending;
    qint64 nextLine = 1;
    bool atEnd = false;
    return run(
        [&]() -> Result<std::shared_ptr<Chunk>> {
            while (!atEnd) {
                // a blocking read: 0 bytes is the end of a file or of stdin, -1 a failure
                const qsizetype before = pending.size();
                pending.resize(before + blockBytes);
                const qint64 got = input.read(pending.data() + before, blockBytes);
                pending.resize(before + std::max<qint64>(got, 0));
                if (got < 0)
                    return Result<std::shared_ptr<Chunk>>::failure(
                        Error::Code::Io, u"cannot read the input: %1"_s.arg(input.errorString()));
                if (got == 0) {
                    atEnd = true;
                    break;
                }
                const qsizetype cut = pending.lastIndexOf('\n');
                if (cut < 0 || pending.size() < blockBytes / 2)
                    continue; // gather at least half a block of whole lines
                auto chunk = std::make_shared<Chunk>();
                chunk->block = pending.left(cut + 1);
                pending.remove(0, cut + 1);
                chunk->firstNumber = nextLine;
                nextLine += chunk->block.count('\n');
                return chunk;
            }
            if (pending.isEmpty())
                return std::shared_ptr<Chunk>();
            auto chunk = std::make_shared<Chunk>();
            chunk->block = std::exchange(pending, QByteArray());
            chunk->firstNumber = nextLine;
            nextLine += chunk->block.count('\n') + 1;
            return chunk;
        },
        output, report);
}

Result<BulkMapper::Stats> BulkMapper::mapRecords(const Source &next, QIODevice &output, const Report &report)
{
    qint64 nextNumber = 1;
    bool atEnd = false;
    return run(
        [&]() -> Result<std::shared_ptr<Chunk>> {
            if (atEnd)
                return std::shared_ptr<Chunk>();
            auto chunk = std::make_shared<Chunk>();
            chunk->firstNumber = nextNumber;
            QJsonObject record;
            while (chunk->records.size() < m_options.chunkRecords) {
                Result<bool> more = next(record);
                if (!more)
                    return more.error();
                if (!more.value()) {
                    atEnd = true;
                    break;
                }
                chunk->records.append(record);
            }
            nextNumber += chunk->records.size();
            if (chunk->records.isEmpty())
                return std::shared_ptr<Chunk>();
            return chunk;
        },
        output, report);
}

Result<BulkMapper::Stats> BulkMapper::run(
    const std::function<Result<std::shared_ptr<Chunk>>()> &read, QIODevice &output, const Report &report)
{
    const int jobs = m_options.jobs > 0 ? m_options.jobs : std::max(1, QThread::idealThreadCount());
    const std::size_t maxInFlight = static_cast<std::size_t>(jobs) * 3;
    std::mutex mutex;
    std::condition_variable workReady;
    std::condition_variable chunkDone;
    std::deque<std::shared_ptr<Chunk>> todo;
    std::deque<std::shared_ptr<Chunk>> inFlight; // in input order
    bool stopping = false;

    std::vector<std::thread> workers;
    for (int i = 0; i < jobs; ++i) {
        workers.emplace_back([&, plan = m_plan, environment = m_options.environment] {
            MappingRunner runner(plan, environment);
            const QStringList order = plan->outputOrder();
            for (;;) {
                std::shared_ptr<Chunk> chunk;
                {
                    std::unique_lock lock(mutex);
                    workReady.wait(lock, [&] { return stopping || !todo.empty(); });
                    if (todo.empty())
                        return;
                    chunk = std::move(todo.front());
                    todo.pop_front();
                }
                chunk->process(runner, order);
                {
                    std::lock_guard lock(mutex);
                    chunk->done = true;
                }
                chunkDone.notify_all();
            }
        });
    }
    const auto stop = [&] {
        {
            std::lock_guard lock(mutex);
            stopping = true;
            todo.clear();
        }
        workReady.notify_all();
        for (std::thread &worker : workers)
            worker.join();
    };

    Stats stats;
    bool inputDone = false;
    for (;;) {
        while (!inputDone && inFlight.size() < maxInFlight) {
            Result<std::shared_ptr<Chunk>> chunk = read();
            if (!chunk) {
                stop();
                return chunk.error();
            }
            if (!chunk.value()) {
                inputDone = true;
                break;
            }
            {
                std::lock_guard lock(mutex);
                inFlight.push_back(chunk.value());
                todo.push_back(chunk.value());
            }
            workReady.notify_one();
        }
        if (inFlight.empty())
            break;
        std::shared_ptr<Chunk> front = inFlight.front();
        {
            std::unique_lock lock(mutex);
            chunkDone.wait(lock, [&] { return front->done; });
            inFlight.pop_front();
        }
        if (!front->out.isEmpty() && output.write(front->out) != front->out.size()) {
            stop();
            return Result<Stats>::failure(
                Error::Code::Io, u"cannot write the output: %1"_s.arg(output.errorString()));
        }
        stats.records += front->records_;
        stats.valid += front->valid;
        stats.invalid += front->errors.size();
        if (report) {
            for (const auto &[number, errors] : std::as_const(front->errors))
                report(number, errors);
        }
    }
    stop();
    return stats;
}

} // namespace jb
