#include "firewallrequestdocument.h"

#include "firewallrequest.h"

using namespace Qt::StringLiterals;

namespace jb {

QStringList FirewallRequestDocument::header()
{
    return {u"#"_s, u"Source"_s, u"Destination"_s, u"Port"_s, u"Protocol"_s, u"Purpose"_s, u"Environment"_s,
        u"Firewall"_s, u"Status"_s};
}

QList<QStringList> FirewallRequestDocument::rows(const ArtifactContext &context)
{
    QList<QStringList> result;
    const QList<EntityRecord> &entities = context.input().project.entities;
    for (const EntityRecord &environment : context.environments()) {
        const QList<FirewallRow> rules
            = FirewallRequest::rows(entities, environment.id(), context.input().probes.latest());
        for (const FirewallRow &rule : rules) {
            const EntityRecord *server = context.find(u"server"_s, rule.server);
            QString destination = rule.destination;
            if (!rule.hostname.isEmpty() && rule.hostname != rule.destination)
                destination += u' ' + rule.hostname;
            if (server)
                destination += u" ("_s + server->name() + u')';
            QString status = rule.status;
            if (!rule.testedAt.isEmpty())
                status += u" on "_s + rule.testedAt.left(16).replace(u'T', u' ') + u" UTC"_s;
            const QString protocol
                = rule.service.isEmpty() ? rule.protocol : rule.protocol + u'/' + rule.service;
            result.append({QString::number(result.size() + 1), rule.source, destination,
                QString::number(rule.port), protocol, rule.purpose, context.environmentName(environment.id()),
                server ? server->data.value(u"firewall"_s).toString(u"unknown"_s) : QString(), status});
        }
    }
    return result;
}

ArtifactDocument FirewallRequestDocument::build(const ArtifactContext &context)
{
    ArtifactDocument document(u"firewall-request"_s, u"Firewall request"_s, context.stamp());
    appendTo(document, context, 1);
    return document;
}

void FirewallRequestDocument::appendTo(ArtifactDocument &document, const ArtifactContext &context, int level)
{
    const QList<QStringList> list = rows(context);
    document.addParagraph(
        u"Please allow the connections below, from the integration's source addresses to the servers it "
        u"uses. \"Firewall\" is the state recorded in the project; \"Status\" is what the latest "
        u"connectivity "
        u"probe found, or \"not tested\"."_s);
    document.addKeyValues({{u"Requested by"_s, context.stamp().owner},
        {u"Environment"_s, context.stamp().environment}, {u"Rules"_s, QString::number(list.size())}});
    document.addHeading(level, u"Rules"_s);
    if (list.isEmpty())
        document.addNote(u"No server with ports is recorded for this environment."_s);
    else
        document.addTable(u"Firewall rules"_s, header(), list);
}

} // namespace jb
