#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace jb {

enum class ProbeStatus
{
    Pass, // the target answered as expected
    Fail, // the target was reached and answered wrongly, or could not be reached
    Error, // the probe could not run: a bad definition, a missing secret
    Skipped, // disabled, cancelled, or not possible here (a database driver not installed)
};

// The one result every probe emits, once. Text is for people; `facts` holds what a program may
// want (addresses, certificate dates, a host key). Never holds a secret value.
struct ProbeResult
{
    QString probeId;
    QString target;
    ProbeStatus status = ProbeStatus::Error;
    QString summary; // one line
    QString details; // several lines: what was tried, what answered
    double latencyMs = -1; // < 0 when nothing was measured
    QDateTime timestamp; // when the probe finished, UTC
    bool warning = false; // passed, but something needs attention (a certificate expiring soon)
    bool insecure = false; // TLS verification was switched off for this probe
    QJsonObject facts;

    bool passed() const { return status == ProbeStatus::Pass; }
    bool hasLatency() const { return latencyMs >= 0; }

    QJsonObject toJson() const;
    static ProbeResult fromJson(const QJsonObject &object);

    static QString statusKey(ProbeStatus status);
    static std::optional<ProbeStatus> statusFromKey(const QString &key);
    static QString statusLabel(ProbeStatus status);

    // Convenience constructors used by the probes.
    static ProbeResult make(ProbeStatus status, QString summary, QString details = {});
};

} // namespace jb

Q_DECLARE_METATYPE(jb::ProbeResult)
