#pragma once

#include <QStringList>

class QTextStream;

namespace jb {

// journeybench-cli serve DIR [--env NAME] [--port N] [--set KEY=VALUE]... [--no-mock] [--workers N]:
// serves every REST-triggered pipe of the project on 127.0.0.1, with the project's mocks, until
// SIGINT or SIGTERM. The first line printed is the pipes' base URL.
//
// The mocks (ViaCEP and the contract mocks) run on their own port: the one of the environment's
// viacep.baseUrl when that is a loopback URL (so the environment file stays true), or a free one
// when that port is taken, in which case viacep.baseUrl is pointed at it for this run. A
// viacep.baseUrl given with --set is taken as the caller's own server: no mock is started for it.
class ServeCommand final
{
public:
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString synopsis();
};

} // namespace jb
