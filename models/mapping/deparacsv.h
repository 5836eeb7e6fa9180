#pragma once

#include "core/result.h"
#include "mappingrule.h"
#include "mappingtable.h"

#include <QByteArray>

namespace jb {

// The De-Para as CSV, in the journey's columns, and back: reading a
// sheet someone edited gives the rules again (system A field -> source, rule -> transforms,
// system B field -> target; the other columns are for people). Excel's ';' CSV and a UTF-8 BOM
// are read too.
class DeParaCsv final
{
public:
    // The journey's columns, as the artifacts' De-Para document has them.
    static QStringList header();
    static QByteArray write(const MappingTable &table);
    static QString field(const QString &text);
    // Errors name the row ("row 4: transforms ..."); rows without a system B field are skipped.
    static Result<QList<MappingRule>> read(const QByteArray &csv);
    // RFC 4180 records: quoted fields may hold the delimiter, quotes ("") and line breaks.
    static QList<QStringList> parse(const QString &text, QChar delimiter);
};

} // namespace jb
