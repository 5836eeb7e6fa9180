#pragma once

#include <QStringList>

class QTextStream;

namespace jb {

// journeybench-cli sample DIR: copies the bundled sample project to DIR, a folder that does not
// exist yet or is empty, and prints DIR. Running, testing or checking the copy writes its evidence
// and work files there, never into the installed (or checked-out) sample.
class SampleCommand final
{
public:
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace jb
