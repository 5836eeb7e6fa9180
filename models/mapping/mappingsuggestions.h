#pragma once

#include "contract.h"
#include "mappingrule.h"

namespace jb {

// First rules for a new mapping, by matching names: a consumer field takes the provider field of
// the same name (ignoring case, accents, '_' and '-'), or one that ends with its name
// ("customername" for "name"), when exactly one matches.
class MappingSuggestions final
{
public:
    static QList<MappingRule> byName(const Contract &source, const Contract &target);
    static QString normalised(const QString &name);
};

} // namespace jb
