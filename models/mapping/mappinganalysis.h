#pragma once

#include "contract.h"
#include "mappingdefinition.h"

namespace jb {

// The consumer rules of a From-To: which required consumer fields have no source (the gaps),
// which provider fields nothing reads, and which rules name fields the contracts do not have.
struct MappingAnalysis
{
    QStringList gaps; // required target fields that no rule (or a rule on a parent) fills
    QStringList unusedSources; // source fields no rule reads (nor a parent or child of them)
    QStringList unknownTargets; // rule targets that are not in the target contract
    QStringList unknownSources; // fields read that are not in the source contract
    QStringList duplicateTargets; // targets that more than one rule writes

    static MappingAnalysis of(
        const MappingDefinition &definition, const Contract &source, const Contract &target);
    bool complete() const { return gaps.isEmpty() && unknownTargets.isEmpty() && duplicateTargets.isEmpty(); }
    // One problem per line ("gap: email (required, no source)"), for evidence and tests.
    QStringList lines() const;
};

} // namespace jb
