#pragma once

#include "caseresult.h"
#include "core/result.h"
#include "pipecoverage.h"
#include "projectdata.h"

#include <QDateTime>
#include <QMap>

namespace jb {

// One run of the project's unit tests as evidence: what ran, on what, and what it found. Stored
// append-only under <project>/evidence/tests/, one file per run (<timestamp>-<environment>.json),
// with the SHA-256 of the canonical file of every suite and pipe it ran and of the environment,
// so that a checklist item it proves can tell when it went stale.
struct TestRunRecord
{
    QDateTime startedAt; // UTC
    qint64 durationMs = 0;
    QString environment;
    QString toolVersion;
    QMap<QString, QString> hashes; // "test/sp-check-unit", "pipe/sp-check", "environment/test" -> SHA-256
    QList<CaseResult> cases;
    QList<PipeCoverage> coverage;
    double coverageMin = 0; // the threshold asked for (0: none)
    bool coverageHeld = true;
    // Only some suites or cases ran (--suite, Run selected): such a run proves nothing about the
    // project's tests as a whole, so the checklist looks past it.
    bool partial = false;

    bool passed() const;
    int failedCases() const;
    // The hashes of `kindAndId`s ("pipe/sp-check") as the project's files are now.
    static QMap<QString, QString> hashesOf(const ProjectData &project, const QStringList &kindAndIds);
    QByteArray toJsonBytes() const;

    static QString folder() { return QStringLiteral("evidence/tests"); }
    // Writes the record; returns its path relative to the project folder. Never replaces a file.
    Result<QString> write(const QString &projectFolder) const;
};

} // namespace jb
