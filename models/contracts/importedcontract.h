#pragma once

#include "contract.h"

namespace jb {

// A contract found in an API description, with where it came from, for the import dialog to list.
struct ImportedContract
{
    Contract contract;
    QString origin; // "#/components/schemas/Address", "POST /customers → request"
    QStringList usedBy; // the operations that send or return it
};

} // namespace jb
