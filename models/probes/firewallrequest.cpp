#include "firewallrequest.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString status(const EvidenceStore::Latest *latest, const QString &transport)
{
    if (transport == u"udp")
        return u"not tested (UDP)"_s;
    if (!latest)
        return u"not tested"_s;
    const QString state = latest->result.facts.value(u"state"_s).toString();
    if (!state.isEmpty())
        return state;
    return ProbeResult::statusKey(latest->result.status);
}

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

} // namespace

QString FirewallRequest::probeId(const QString &serverId, int port)
{
    return u"server-%1-tcp-%2"_s.arg(serverId).arg(port);
}

QStringList FirewallRequest::headers()
{
    return {u"source"_s, u"destination"_s, u"hostname"_s, u"port"_s, u"protocol"_s, u"service"_s,
        u"purpose"_s, u"status"_s, u"tested"_s, u"server"_s};
}

QList<FirewallRow> FirewallRequest::rows(const QList<EntityRecord> &entities, const QString &environment,
    const QHash<QString, EvidenceStore::Latest> &latest)
{
    QStringList sources;
    for (const EntityRecord &record : entities) {
        if (record.kind == u"environment" && record.id() == environment) {
            for (const QJsonValue &address : record.data.value(u"sourceAddresses"_s).toArray())
                sources.append(address.toString());
        }
    }
    if (sources.isEmpty())
        sources.append(u"(no source address recorded)"_s);
    QList<FirewallRow> rows;
    for (const EntityRecord &record : entities) {
        if (record.kind != u"server")
            continue;
        const QString own = record.data.value(u"environment"_s).toString();
        if (!own.isEmpty() && own != environment)
            continue;
        const QJsonArray ports = record.data.value(u"ports"_s).toArray();
        for (const QJsonValue &value : ports) {
            const QJsonObject port = value.toObject();
            const int number = port.value(u"port"_s).toInt();
            const QString service = port.value(u"protocol"_s).toString();
            const QString transport = service == u"udp" ? u"udp"_s : u"tcp"_s;
            const auto found = latest.constFind(probeId(record.id(), number));
            const EvidenceStore::Latest *last = found == latest.cend() ? nullptr : &*found;
            for (const QString &source : std::as_const(sources)) {
                FirewallRow row;
                row.source = source;
                row.destination = record.data.value(u"ip"_s).toString();
                row.hostname = record.data.value(u"hostname"_s).toString();
                row.port = number;
                row.protocol = transport;
                row.service = service == u"udp" || service == u"tcp" ? QString() : service;
                row.purpose = port.value(u"purpose"_s).toString();
                row.status = status(last, transport);
                row.testedAt = last ? last->result.timestamp.toUTC().toString(Qt::ISODate) : QString();
                row.server = record.id();
                rows.append(row);
            }
        }
    }
    return rows;
}

QByteArray FirewallRequest::toCsv(const QList<FirewallRow> &rows)
{
    QByteArray csv = headers().join(u',').toUtf8() + "\r\n";
    for (const FirewallRow &row : rows) {
        const QStringList fields = {row.source, row.destination, row.hostname, QString::number(row.port),
            row.protocol, row.service, row.purpose, row.status, row.testedAt, row.server};
        QList<QByteArray> encoded;
        for (const QString &field : fields)
            encoded.append(csvField(field));
        csv += encoded.join(',') + "\r\n";
    }
    return csv;
}

} // namespace jb
