#pragma once

#include "caseresult.h"

#include <QByteArray>
#include <QDateTime>

namespace jb {

// JUnit XML as Jenkins and GitLab read it: <testsuites> with one <testsuite> per suite and one
// <testcase> per case and parameter row; a failed case has a <failure> whose message is its first
// failure (the path and both values) and whose text lists them all; every case's trace is in its
// <system-out>.
class JUnitReport final
{
public:
    static QByteArray write(const QList<CaseResult> &results, const QDateTime &startedAt);
};

} // namespace jb
