#pragma once

#include "probespec.h"
#include "projectdata.h"

#include <optional>

namespace jb {

// Turns the inventory into probes for one environment, and merges the user's own:
// - exposed endpoints (API/WS: DNS when named, TCP, TLS for https/wss, HTTP; FTP/SFTP: TCP and a
//   login + listing), phase 1;
// - VPN tunnels: the servers behind them in that environment, by TCP on their ports, phase 1;
// - servers: DNS for a host name (must resolve to the recorded IP), TCP per port, TLS for https
//   ports, phase 2;
// - databases: login, validation query, tables, phase 2;
// - services with an absolute http(s) endpoint: an HTTP request, phase 2 when the host is a recorded
//   server, else 1.
// Generated probes get stable ids "<entity kind>-<entity id>-<probe type>[-<port>]" so evidence
// follows them across runs. Probe entities (kind "probe", folder probes/) with a generated id
// replace that probe (an edit: disabled, a longer timeout, a recorded host key); others are added.
class ProbePlanner final
{
public:
    // What a generated HTTP probe accepts: any answer short of a server error proves the path works
    // (a 401 or 405 still came from the application); the user narrows it by editing the probe.
    static QString reachableStatuses() { return QStringLiteral("100-499"); }

    static QList<ProbeSpec> plan(const QList<EntityRecord> &entities, const QString &environment);
    static QList<ProbeSpec> generate(const QList<EntityRecord> &entities, const QString &environment);
    static QList<ProbeSpec> persisted(const QList<EntityRecord> &entities);
    static QList<ProbeSpec> ofPhase(const QList<ProbeSpec> &probes, int phase);

    // The environment a command uses when none is named: "test" when there is one, else the only one.
    static std::optional<QString> defaultEnvironment(const QList<EntityRecord> &entities);
    static QStringList environments(const QList<EntityRecord> &entities);

    // The JSON to save as a probe entity for an added or edited probe.
    static QJsonObject entityData(const ProbeSpec &spec);
};

} // namespace jb
