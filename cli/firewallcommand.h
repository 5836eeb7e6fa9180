#pragma once

#include <QStringList>

class QTextStream;

namespace jb {

// journeybench-cli firewall DIR [--env NAME]: the firewall request as CSV, each port's status
// taken from the latest evidence of that environment.
class FirewallCommand final
{
public:
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString synopsis();
};

} // namespace jb
