#pragma once

#include "mappingproject.h"
#include "mappingtable.h"

namespace jb {

// A mapping as the journey's De-Para sheet: one row per rule (system A field and type, the rule,
// system B field and type, whether B requires it, an example in and out), in the target
// contract's field order, then the gaps. The examples come from one sample record (the source
// contract's examples when none is given) mapped for real.
class DeParaTable final
{
public:
    static MappingTable build(const ResolvedMapping &mapping, const QJsonObject &sample = {});
    // A one-line reading of a gap for the sheet: "phone (string): required by B, no source".
    static QString gapText(const Contract &target, const QString &field);
};

} // namespace jb
