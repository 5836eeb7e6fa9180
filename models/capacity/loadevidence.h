#pragma once

#include "core/result.h"
#include "loadoptions.h"
#include "loadresult.h"
#include "loadtarget.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace jb {

// A measured load run as evidence: what was asked (target, model, rate, connections, duration),
// what was measured (throughput, latency percentiles in ms, errors by kind, bytes) and the SHA-256
// of each project entity it measured ("environment/test", and later the pipe and its volumes), so
// that the capacity plan can tell a run that still describes the project from a stale one. Runs
// are stored append-only under evidence/load/, one file each, never rewritten.
class LoadEvidence final
{
public:
    static QString folder() { return QStringLiteral("evidence/load"); }

    static QJsonObject toJson(const LoadTarget &target, const LoadOptions &options, const LoadResult &result,
        const QDateTime &startedAt, const QHash<QString, QString> &sources);
    // Writes `run` as a new file under evidence/load/ and returns its path relative to the project;
    // an existing file is never replaced (a second run in the same millisecond gets a suffix).
    static Result<QString> write(const QString &projectFolder, const QJsonObject &run);
};

} // namespace jb
