#pragma once

#include "projectdata.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace jb {

// What the inventory already records that a probe of one's own can test: every port of a server,
// every exposed endpoint and every database, each with the probe fields it fills (type, host,
// port, and for endpoints and databases what the probe of their type needs). The probe editor
// offers them so that host and port are picked, not retyped.
struct ProbeTarget
{
    QString label; // "Server erp-app: 127.0.0.1:8443 (https, ERP orders API)"
    QString source; // "server/erp-app", the probe's "sources" entry
    QJsonObject fields; // probe keys -> values
};

class ProbeTargets final
{
public:
    static QList<ProbeTarget> of(const QList<EntityRecord> &entities);
};

} // namespace jb
