#include "vpndocument.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString seconds(const QJsonValue &value)
{
    return value.isDouble() ? u"%1 s"_s.arg(value.toInt()) : QString();
}

QString endpointAddress(const QJsonObject &data)
{
    const QString url = data.value(u"url"_s).toString();
    if (!url.isEmpty())
        return url;
    QString address = data.value(u"host"_s).toString();
    if (data.value(u"port"_s).isDouble())
        address += u':' + QString::number(data.value(u"port"_s).toInt());
    const QString path = data.value(u"path"_s).toString();
    return path.isEmpty() ? address : address + u' ' + path;
}

} // namespace

ArtifactDocument VpnDocument::build(const ArtifactContext &context)
{
    ArtifactDocument document(u"vpn"_s, u"VPN establishment document"_s, context.stamp());
    appendTo(document, context, 1);
    return document;
}

void VpnDocument::appendTo(ArtifactDocument &document, const ArtifactContext &context, int level)
{
    const QList<EntityRecord> &vpns = context.entities(u"vpn"_s);
    document.addParagraph(
        u"The site-to-site tunnels this integration needs, with the parameters both sides must configure "
        u"identically. Phase 1 (IKE) authenticates the peers; phase 2 (IPsec) encrypts the traffic "
        u"between the encryption domains."_s);
    if (vpns.isEmpty())
        document.addNote(
            u"No VPN tunnel is recorded: the integration reaches its systems through the exposed "
            u"endpoints below."_s);
    for (const EntityRecord &vpn : vpns) {
        const QJsonObject data = vpn.data;
        document.addHeading(level, u"Tunnel: "_s + vpn.name());
        QStringList hosts;
        for (const QJsonValue &ref : data.value(u"hostsBehind"_s).toArray()) {
            const EntityRecord *server = context.find(u"server"_s, ref.toString());
            hosts.append(server ? u"%1 (%2)"_s.arg(server->name(), server->data.value(u"ip"_s).toString())
                                : ref.toString());
        }
        const auto probe = context.input().probes.forEntity(u"vpn"_s, vpn.id());
        document.addKeyValues({
            {u"Partner"_s, data.value(u"partner"_s).toString()},
            {u"Local gateway (our peer)"_s, data.value(u"localGateway"_s).toString()},
            {u"Peer gateways (partner)"_s, ArtifactContext::text(data.value(u"peerGateways"_s))},
            {u"Local encryption domain"_s, ArtifactContext::text(data.value(u"localSubnets"_s))},
            {u"Remote encryption domain"_s, ArtifactContext::text(data.value(u"remoteSubnets"_s))},
            {u"Servers behind the tunnel"_s, hosts.join(u", "_s)},
            {u"Tunnel probe"_s, ProbeEvidence::statusText(probe)},
        });
        const auto value = [&data](const QString &key) { return ArtifactContext::text(data.value(key)); };
        document.addTable(u"IKE and IPsec parameters: "_s + vpn.name(),
            {u"Parameter"_s, u"Phase 1 (IKE)"_s, u"Phase 2 (IPsec)"_s},
            {
                {u"IKE version"_s, value(u"ikeVersion"_s), QString()},
                {u"Encryption"_s, value(u"ikeEncryption"_s), value(u"ipsecEncryption"_s)},
                {u"Integrity (hash)"_s, value(u"ikeHash"_s), value(u"ipsecHash"_s)},
                {u"DH group / PFS group"_s, value(u"ikeDhGroup"_s), value(u"ipsecPfsGroup"_s)},
                {u"Lifetime"_s, seconds(data.value(u"ikeLifetime"_s)),
                    seconds(data.value(u"ipsecLifetime"_s))},
            });
        QList<QStringList> contacts;
        for (const QJsonValue &item : data.value(u"contacts"_s).toArray()) {
            const QJsonObject contact = item.toObject();
            contacts.append({contact.value(u"name"_s).toString(), contact.value(u"role"_s).toString(),
                contact.value(u"email"_s).toString(), contact.value(u"phone"_s).toString()});
        }
        if (contacts.isEmpty())
            document.addNote(u"No contacts recorded for this tunnel."_s);
        else
            document.addTable(
                u"Contacts: "_s + vpn.name(), {u"Name"_s, u"Role"_s, u"E-mail"_s, u"Phone"_s}, contacts);
        const QString notes = data.value(u"notes"_s).toString();
        if (!notes.isEmpty())
            document.addParagraph(u"Notes: "_s + notes);
    }

    document.addHeading(level, u"Exposed endpoints"_s);
    QList<QStringList> rows;
    for (const EntityRecord &endpoint : context.entities(u"endpoint"_s)) {
        if (!context.inScope(endpoint.data))
            continue;
        const QJsonObject data = endpoint.data;
        QString auth = data.value(u"auth"_s).toString();
        const QString secret = data.value(u"secret"_s).toString();
        if (!secret.isEmpty()) // the secret's name tells the reader which credential; never its value
            auth += u" (secret "_s + secret + u')';
        const QString environment = data.value(u"environment"_s).toString();
        rows.append({endpoint.name(), data.value(u"type"_s).toString().toUpper(), endpointAddress(data),
            environment.isEmpty() ? u"all"_s : context.environmentName(environment), auth,
            ProbeEvidence::statusText(context.input().probes.forEntity(u"endpoint"_s, endpoint.id()))});
    }
    if (rows.isEmpty())
        document.addNote(u"No exposed endpoint is recorded for this environment."_s);
    else
        document.addTable(u"Exposed endpoints"_s,
            {u"Endpoint"_s, u"Type"_s, u"Address"_s, u"Environment"_s, u"Authentication"_s, u"Probe"_s},
            rows);
}

} // namespace jb
