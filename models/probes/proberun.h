#pragma once

#include "proberesult.h"
#include "probespec.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMetaType>

namespace jb {

// What evidence keeps about the probe behind a result, to tell later whether the result still
// holds: hashes of the probe's definition and of each inventory entity it tested.
struct ProbeStamp
{
    QString name;
    ProbeType type = ProbeType::Tcp;
    int phase = 2;
    QString probeHash;
    QMap<QString, QString> sourceHashes; // "server/erp-app" -> SHA-256 of its canonical file
};

// One run of probes: the unit of evidence, stored as one JSON file.
struct ProbeRun
{
    QString environment;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString toolVersion;
    bool cancelled = false;
    QList<ProbeResult> results; // in the order the probes were given
    QHash<QString, ProbeStamp> stamps; // by probe id

    int count(ProbeStatus status) const;
    bool allPassed() const; // every result passed (and there was at least one)
    const ProbeResult *result(const QString &probeId) const;

    // The run as evidence JSON, written straight from the structs (a thousand results through
    // QJsonObjects cost more than the probes that made them). fromJson() reads it back.
    QByteArray toJsonBytes() const;
    static ProbeRun fromJson(const QJsonObject &object);
};

} // namespace jb

Q_DECLARE_METATYPE(jb::ProbeRun)
