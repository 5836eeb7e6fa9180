#pragma once

#include <QStringList>

class QTextStream;

namespace jb {

// journeybench-cli load DIR --url URL (--rate N [--ramp-to M] | --connections N) --duration S ...:
// one load run against an HTTP endpoint (loopback unless --allow-remote), a progress line per
// second on stderr, the summary on stdout, and the run stored as evidence under evidence/load/
// with the hash of the environment it measured. Exit 0 when the run had no errors, 1 when it had
// some, 2 on a usage error.
class LoadCommand final
{
public:
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString synopsis();
};

} // namespace jb
