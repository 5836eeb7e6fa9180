#pragma once

#include <QStringList>

class QTextStream;

namespace jb {

// journeybench-cli map DIR MAPPING (--input FILE.jsonl | --db-query SQL) [--out FILE] [--env NAME]
// [--jobs N]: applies a mapping to every record, writes one mapped JSON object per valid record
// and reports each invalid one on stderr ("line 7: phone: not a Brazilian phone number ...").
// Exit 0 when every record was valid, 1 when any was not (or on an error), 2 on a usage error.
class MapCommand final
{
public:
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString synopsis();
};

} // namespace jb
