#pragma once

#include "core/result.h"
#include "proberun.h"

#include <QStringList>

namespace jb {

// Probe evidence on disk: one JSON file per run under <project>/evidence/probes/, named
// <timestamp>-<environment>.json, written once and never rewritten (append-only).
class EvidenceStore final
{
public:
    struct Entry
    {
        QString path; // relative to the project folder
        ProbeRun run;
    };

    // The latest result of one probe across runs, with what the run recorded about the probe.
    struct Latest
    {
        QString path;
        ProbeResult result;
        ProbeStamp stamp;
        bool stamped = false;
    };

    explicit EvidenceStore(QString projectFolder);

    static QString folder() { return QStringLiteral("evidence/probes"); }
    static QString fileName(const ProbeRun &run);

    // Writes `run`; returns its path relative to the project folder. Never replaces a file.
    Result<QString> write(const ProbeRun &run) const;
    // Every run (of `environment`, or all when empty), oldest first. Files that cannot be read are
    // listed in `problems`, one sentence each, and left out.
    QList<Entry> load(const QString &environment = {}, QStringList *problems = nullptr) const;

    static QHash<QString, Latest> latest(const QList<Entry> &entries);
    static QByteArray bytes(const ProbeRun &run);

private:
    QString m_projectFolder;
};

} // namespace jb
