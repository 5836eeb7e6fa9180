#include "artifactcatalog.h"

#include "deparadocument.h"
#include "firewallrequestdocument.h"
#include "integrationlistdocument.h"
#include "journeyreportdocument.h"
#include "servicecataloguedocument.h"
#include "vpndocument.h"

using namespace Qt::StringLiterals;

namespace jb {

const QList<ArtifactKind> &ArtifactCatalog::kinds()
{
    static const QList<ArtifactKind> list = {
        {u"vpn"_s, u"VPN establishment document"_s,
            u"Tunnels: peers, gateway IPs, encryption domains, IKE and IPsec parameters, lifetimes, "
            u"contacts, "
            u"probe status; exposed endpoints."_s},
        {u"firewall-request"_s, u"Firewall request"_s,
            u"Source, destination, port, protocol, purpose and probe status of every connection to clear."_s},
        {u"integration-list"_s, u"Integration list"_s,
            u"Systems, flows (provider to consumer, trigger, pipes, error treatment) and status per phase."_s},
        {u"service-catalogue"_s, u"Service catalogue"_s,
            u"Services with endpoint, method, permissions, exceptions, error handling, contract fields; a "
            u"sequence diagram per flow."_s},
        {u"de-para"_s, u"De-Para tables"_s,
            u"One table per mapping between two systems, with rules, examples and gaps."_s},
        {u"journey-report"_s, u"Journey report"_s,
            u"Cover, contents, phase completion and sign-offs, timeline, and all of the above."_s},
    };
    return list;
}

const ArtifactKind *ArtifactCatalog::find(const QString &name)
{
    for (const ArtifactKind &kind : kinds()) {
        if (kind.name == name)
            return &kind;
    }
    return nullptr;
}

QStringList ArtifactCatalog::names()
{
    QStringList result;
    for (const ArtifactKind &kind : kinds())
        result.append(kind.name);
    return result;
}

Result<ArtifactDocument> ArtifactCatalog::build(const QString &name, const ArtifactContext &context)
{
    ArtifactDocument document;
    if (name == u"vpn")
        document = VpnDocument::build(context);
    else if (name == u"firewall-request")
        document = FirewallRequestDocument::build(context);
    else if (name == u"integration-list")
        document = IntegrationListDocument::build(context);
    else if (name == u"service-catalogue")
        document = ServiceCatalogueDocument::build(context);
    else if (name == u"de-para")
        document = DeParaDocument::build(context);
    else if (name == u"journey-report")
        document = JourneyReportDocument::build(context);
    else
        return Result<ArtifactDocument>::failure(
            Error::Code::Refused, u"unknown artifact \"%1\" (known: %2)"_s.arg(name, names().join(u", "_s)));
    document.redact(context.input().secretValues);
    return document;
}

} // namespace jb
