#pragma once

#include "testrunrecord.h"

#include <QByteArray>

namespace jb {

// The run as one self-contained HTML page that opens offline (styles inline, no script, no
// link): the summary, each pipe's coverage with what was missed, and every case — a failed one with
// each differing path and both values, and what the run gave. Written as XHTML through
// QXmlStreamWriter, so it is well-formed XML as well.
class HtmlReport final
{
public:
    static QByteArray write(const TestRunRecord &record, const QString &projectName);
};

} // namespace jb
