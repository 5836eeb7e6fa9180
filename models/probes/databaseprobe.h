#pragma once

#include "probecontrol.h"
#include "proberesult.h"
#include "probespec.h"

namespace jb {

// A database through QtSql (QSQLITE, QPSQL, and QODBC or QMYSQL where their drivers are
// installed): reach the server, log in, run the validation query (default SELECT 1), check that
// every recorded table exists, and report the server's version. A network database is reached by
// TCP first, so that "refused" and "filtered" read the same as for any other probe and the
// timeout holds even where the driver counts in whole seconds.
class DatabaseProbe final
{
public:
    static ProbeResult run(const ProbeSpec &spec, ProbeControl &control);

    static int defaultPort(const QString &driver);
};

} // namespace jb
