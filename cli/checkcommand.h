#pragma once

#include <QStringList>

class QTextStream;

namespace jb {

// journeybench-cli check DIR [--env NAME] [--phase 1|2] [--junit FILE] [--json] ...: runs the
// project's connectivity probes for an environment, stores the run as evidence, and exits 0 only
// when every enabled probe passed (1 when any did not, 2 on a usage error). Secrets come from
// JOURNEYBENCH_SECRET_<NAME> environment variables.
class CheckCommand final
{
public:
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString synopsis();
};

} // namespace jb
