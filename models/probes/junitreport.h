#pragma once

#include "proberun.h"

#include <QByteArray>

namespace jb {

// A probe run as JUnit XML, for CI dashboards: one testsuite per phase, one testcase per probe;
// a failure or an error element when it did not pass, a skipped element when it did not run, and
// the probe's details in system-out.
class JUnitReport final
{
public:
    static QByteArray write(const ProbeRun &run, const QList<ProbeSpec> &probes);
};

} // namespace jb
