#pragma once

#include "contract.h"
#include "core/result.h"

class QSqlDatabase;

namespace jb {

// A contract read live from a table's columns: each column's name and type, NOT NULL and primary
// key columns required, character limits as maxLength, the first row's values as examples.
class TableContract final
{
public:
    static Result<Contract> fromTable(const QSqlDatabase &database, const QString &table);
    // The JSON type a column of this Qt type carries.
    static QString typeOf(int metaTypeId);
};

} // namespace jb
