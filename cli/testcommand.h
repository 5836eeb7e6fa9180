#pragma once

#include <QStringList>

class QTextStream;

namespace jb {

// journeybench-cli test DIR [--suite ID]... [--env NAME] [--junit FILE] [--html FILE] [--json]
// [--coverage-min PERCENT] [--set KEY=VALUE]... [--no-evidence]: runs the project's unit test
// suites (tests/*.json) with their step mocks, prints each case and each pipe's coverage, writes
// JUnit XML and a self-contained HTML report when asked, and stores the run as evidence under
// evidence/tests/. Exit 0 when every case passed and coverage holds, 1 on a failed case or coverage under the
// threshold, 2 on a usage or project error (a suite that does not load or check is one, at its
// file:line:column).
class TestCommand final
{
public:
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString synopsis();
};

} // namespace jb
