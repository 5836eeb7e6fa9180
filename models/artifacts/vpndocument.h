#pragma once

#include "artifactcontext.h"
#include "artifactdocument.h"

namespace jb {

// The VPN establishment document: per tunnel its partner, peers, encryption domains, IKE and IPsec
// parameters, lifetimes, contacts and probe status; then the exposed endpoints that need no tunnel.
class VpnDocument final
{
public:
    static ArtifactDocument build(const ArtifactContext &context);
    // Adds the content with its sections at heading `level` (the journey report nests it).
    static void appendTo(ArtifactDocument &document, const ArtifactContext &context, int level);
};

} // namespace jb
