#pragma once

#include "artifactcontext.h"
#include "artifactdocument.h"

namespace jb {

// The firewall request for the network team: every recorded server port, from every source address
// of its environment, with what the latest TCP probe found ("not tested" without evidence). The
// rows come from the probe engine's FirewallRequest, per environment in scope.
class FirewallRequestDocument final
{
public:
    static ArtifactDocument build(const ArtifactContext &context);
    static void appendTo(ArtifactDocument &document, const ArtifactContext &context, int level);
    static QStringList header();
    static QList<QStringList> rows(const ArtifactContext &context);
};

} // namespace jb
