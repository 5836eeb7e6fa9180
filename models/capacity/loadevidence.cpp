#include "loadevidence.h"

#include "core/appendonlyfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

double ms(std::int64_t micros)
{
    return double(micros) / 1000.0;
}

} // namespace

QJsonObject LoadEvidence::toJson(const LoadTarget &target, const LoadOptions &options,
    const LoadResult &result, const QDateTime &startedAt, const QHash<QString, QString> &sources)
{
    const bool open = options.model == LoadOptions::Model::Open;
    QJsonObject asked{
        {u"url"_s, target.url},
        {u"model"_s, open ? u"open"_s : u"closed"_s},
        {u"connections"_s, options.connections},
        {u"threads"_s, options.threads},
        {u"durationSeconds"_s, double(options.durationMs) / 1000.0},
        {u"timeoutMs"_s, qint64(options.timeoutMs)},
        {u"method"_s, QString::fromStdString(options.method)},
    };
    if (open) {
        asked[u"rate"_s] = options.rate;
        if (options.rampTo > 0)
            asked[u"rampTo"_s] = options.rampTo;
    }
    if (options.maxRequests > 0)
        asked[u"maxRequests"_s] = qint64(options.maxRequests);

    const LatencyHistogram &latency = result.latency;
    const QJsonObject latencyMs{
        {u"p50"_s, ms(latency.valueAtPercentile(50))},
        {u"p90"_s, ms(latency.valueAtPercentile(90))},
        {u"p95"_s, ms(latency.valueAtPercentile(95))},
        {u"p99"_s, ms(latency.valueAtPercentile(99))},
        {u"p99.9"_s, ms(latency.valueAtPercentile(99.9))},
        {u"max"_s, ms(latency.max())},
        {u"mean"_s, latency.mean() / 1000.0},
    };
    const QJsonObject errors{
        {u"status4xx"_s, qint64(result.errors.status4xx)},
        {u"status5xx"_s, qint64(result.errors.status5xx)},
        {u"timeout"_s, qint64(result.errors.timeout)},
        {u"refused"_s, qint64(result.errors.refused)},
        {u"reset"_s, qint64(result.errors.reset)},
        {u"protocol"_s, qint64(result.errors.protocol)},
        {u"total"_s, qint64(result.errors.total())},
    };
    QJsonObject hashes;
    for (auto it = sources.cbegin(); it != sources.cend(); ++it)
        hashes[it.key()] = it.value();
    return QJsonObject{
        {u"kind"_s, u"load-run"_s},
        {u"startedAt"_s, startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"asked"_s, asked},
        {u"answered"_s, qint64(result.answered)},
        {u"succeeded"_s, qint64(result.succeeded)},
        {u"notSent"_s, qint64(result.notSent)},
        {u"elapsedSeconds"_s, result.elapsedSeconds},
        {u"requestsPerSecond"_s, result.requestsPerSecond()},
        {u"bytesRead"_s, qint64(result.bytesRead)},
        {u"bytesWritten"_s, qint64(result.bytesWritten)},
        {u"latencyMs"_s, latencyMs},
        {u"errors"_s, errors},
        {u"sources"_s, hashes},
    };
}

Result<QString> LoadEvidence::write(const QString &projectFolder, const QJsonObject &run)
{
    const QDir project(projectFolder);
    if (!project.mkpath(folder()))
        return Result<QString>::failure(Error::Code::Io,
            u"cannot create %1 in %2"_s.arg(folder(), QDir::toNativeSeparators(projectFolder)));
    QString stamp = run.value(u"startedAt"_s).toString();
    stamp.replace(u':', u'-');
    const QByteArray bytes = QJsonDocument(run).toJson(QJsonDocument::Indented);
    // append-only evidence: an existing run is never overwritten; a second one of the same
    // stamp is stamp-1.json
    const Result<QString> written
        = AppendOnlyFile::write(project.filePath(folder()), {stamp, u".json"_s, 1}, bytes);
    if (!written) {
        if (written.error().code == Error::Code::Refused)
            return Result<QString>::failure(Error::Code::Io, u"too many load runs stamped %1"_s.arg(stamp));
        return Result<QString>::failure(Error::Code::Io,
            u"cannot write %1: %2"_s.arg(
                QDir::toNativeSeparators(project.filePath(folder() + u'/' + stamp + u".json"_s)),
                written.errorString()));
    }
    return QString(folder() + u'/' + written.value());
}

} // namespace jb
