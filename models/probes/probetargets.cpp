#include "probetargets.h"

#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// Copies the keys `record` has among `keys` into `fields`.
void copyKeys(const EntityRecord &record, const QStringList &keys, QJsonObject &fields)
{
    for (const QString &key : keys) {
        const QJsonValue value = record.data.value(key);
        if (!value.isUndefined() && !(value.isString() && value.toString().isEmpty()))
            fields.insert(key, value);
    }
}

QString hostPort(const QString &host, int port)
{
    const QString shown = host.contains(u':') ? u'[' + host + u']' : host;
    return port > 0 ? shown + u':' + QString::number(port) : shown;
}

// The probe type a server port's protocol makes obvious; the rest are a TCP connect.
QString typeOfProtocol(const QString &protocol)
{
    if (protocol == u"sftp" || protocol == u"ftp")
        return protocol;
    if (protocol == u"https")
        return u"tls"_s;
    return u"tcp"_s;
}

void servers(const EntityRecord &record, QList<ProbeTarget> &targets)
{
    // the address the planner's TCP probes use; the name only when no address is recorded
    const QString host = record.text(u"ip"_s).isEmpty() ? record.text(u"hostname"_s) : record.text(u"ip"_s);
    if (host.isEmpty())
        return;
    const QString source = u"server/"_s + record.id();
    const QJsonArray ports = record.data.value(u"ports"_s).toArray();
    if (ports.isEmpty()) {
        targets.append({u"Server %1: %2"_s.arg(record.id(), host), source,
            QJsonObject{{u"type"_s, u"tcp"_s}, {u"host"_s, host}}});
        return;
    }
    for (const QJsonValue &value : ports) {
        const QJsonObject port = value.toObject();
        const int number = port.value(u"port"_s).toInt();
        const QString protocol = port.value(u"protocol"_s).toString();
        if (number < 1 || protocol == u"udp")
            continue; // a probe connects over TCP
        QStringList about;
        if (!protocol.isEmpty())
            about.append(protocol);
        if (const QString purpose = port.value(u"purpose"_s).toString(); !purpose.isEmpty())
            about.append(purpose);
        QJsonObject fields{{u"type"_s, typeOfProtocol(protocol)}, {u"host"_s, host}, {u"port"_s, number}};
        if (protocol == u"https" && !record.text(u"hostname"_s).isEmpty())
            fields.insert(u"host"_s, record.text(u"hostname"_s)); // certificates name the host
        targets.append(
            {u"Server %1: %2%3"_s.arg(record.id(), hostPort(fields.value(u"host"_s).toString(), number),
                 about.isEmpty() ? QString() : u" ("_s + about.join(u", "_s) + u')'),
                source, fields});
    }
}

void endpoint(const EntityRecord &record, QList<ProbeTarget> &targets)
{
    const QString type = record.text(u"type"_s);
    const QString source = u"endpoint/"_s + record.id();
    if (type == u"api" || type == u"ws") {
        const QUrl url(record.text(u"url"_s));
        if (!url.isValid() || url.host().isEmpty())
            return;
        const QString scheme = url.scheme().toLower();
        const bool secure = scheme == u"https" || scheme == u"wss";
        QJsonObject fields;
        if (scheme == u"http" || scheme == u"https") {
            fields = {{u"type"_s, u"http"_s}, {u"url"_s, url.toString()}};
            copyKeys(record, {u"auth"_s, u"user"_s, u"secret"_s}, fields);
        } else { // a WebSocket: its TCP port
            fields = {{u"type"_s, secure ? u"tls"_s : u"tcp"_s}, {u"host"_s, url.host()},
                {u"port"_s, url.port(secure ? 443 : 80)}};
        }
        targets.append({u"Endpoint %1: %2"_s.arg(record.id(), url.toString()), source, fields});
    } else if (type == u"sftp" || type == u"ftp") {
        const QString host = record.text(u"host"_s);
        if (host.isEmpty())
            return;
        const int port = record.data.value(u"port"_s).toInt(type == u"sftp" ? 22 : 21);
        QJsonObject fields{{u"type"_s, type}, {u"host"_s, host}, {u"port"_s, port}};
        copyKeys(record, {u"path"_s, u"auth"_s, u"user"_s, u"secret"_s}, fields);
        targets.append(
            {u"Endpoint %1: %2://%3"_s.arg(record.id(), type, hostPort(host, port)), source, fields});
    }
}

void database(const EntityRecord &record, QList<ProbeTarget> &targets)
{
    QJsonObject fields{{u"type"_s, u"database"_s}};
    copyKeys(record,
        {u"driver"_s, u"host"_s, u"port"_s, u"database"_s, u"user"_s, u"secret"_s, u"validationQuery"_s,
            u"tables"_s},
        fields);
    if (!record.text(u"secret"_s).isEmpty())
        fields.insert(u"auth"_s, u"password"_s);
    const QString where = record.text(u"host"_s).isEmpty()
        ? record.text(u"database"_s)
        : hostPort(record.text(u"host"_s), record.data.value(u"port"_s).toInt()) + u'/'
            + record.text(u"database"_s);
    targets.append({u"Database %1: %2 %3"_s.arg(record.id(), record.text(u"driver"_s), where),
        u"database/"_s + record.id(), fields});
}

} // namespace

QList<ProbeTarget> ProbeTargets::of(const QList<EntityRecord> &entities)
{
    QList<ProbeTarget> targets;
    for (const QString &kind : {u"server"_s, u"endpoint"_s, u"database"_s}) {
        for (const EntityRecord &record : entities) {
            if (record.kind != kind)
                continue;
            if (kind == u"server")
                servers(record, targets);
            else if (kind == u"endpoint")
                endpoint(record, targets);
            else
                database(record, targets);
        }
    }
    return targets;
}

} // namespace jb
