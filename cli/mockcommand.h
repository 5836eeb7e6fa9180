#pragma once

#include <QStringList>

class QTextStream;

namespace jb {

// journeybench-cli mock DIR [--port N] [--bind ADDRESS] [--dataset FILE] ...: serves the ViaCEP mock
// and the project's contract mocks, prints the base URL on its first line, then the routes, and runs
// until SIGINT or SIGTERM.
class MockCommand final
{
public:
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString synopsis();
};

} // namespace jb
