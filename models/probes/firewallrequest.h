#pragma once

#include "evidencestore.h"
#include "projectdata.h"

namespace jb {

// One line of a firewall request: let `source` reach `destination`:`port`.
struct FirewallRow
{
    QString source; // a source address or subnet of the environment
    QString destination; // the server's IP
    QString hostname;
    int port = 0;
    QString protocol; // transport: tcp or udp
    QString service; // what runs there: https, sftp, postgresql, ...
    QString purpose;
    QString status; // from the latest TCP probe: open, refused, filtered, ..., or "not tested"
    QString testedAt; // ISO 8601, empty when not tested
    QString server; // the server's id
};

// The firewall request for an environment: every recorded server port, from every source address
// of the environment, with the status its latest probe found.
class FirewallRequest final
{
public:
    static QList<FirewallRow> rows(const QList<EntityRecord> &entities, const QString &environment,
        const QHash<QString, EvidenceStore::Latest> &latest);
    // RFC 4180: a header line, CRLF line ends, fields quoted when they need it.
    static QByteArray toCsv(const QList<FirewallRow> &rows);
    static QStringList headers();
    // The id of the generated TCP probe of a server port (see ProbePlanner).
    static QString probeId(const QString &serverId, int port);
};

} // namespace jb
