#pragma once

#include "core/result.h"
#include "mappingtable.h"

namespace jb {

// The De-Para as an XLSX workbook laid out like the journey's sheet: a title, the systems, the
// eight columns under a frozen, filterable header, then the gaps. Written to a temporary file and
// renamed, so a failure never leaves half a workbook.
class DeParaXlsx final
{
public:
    // `systemA` and `systemB` are the systems' names as people know them.
    static Status write(
        const MappingTable &table, const QString &systemA, const QString &systemB, const QString &path);
};

} // namespace jb
