#pragma once

#include <QStringList>

class QTextStream;

namespace jb {

// journeybench-cli run DIR PIPE --input JSON [--env NAME] [--set KEY=VALUE]... [--trace] [--json]:
// one execution of a pipe, printed; exit 0 for a 2xx answer, 1 otherwise, 2 on a usage error.
// The event pipes it triggers (an error event's treatment) run before it exits; a re-run they
// schedule for later does not (the event stays in the store).
class RunCommand final
{
public:
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString synopsis();
};

} // namespace jb
