#pragma once

#include "caseresult.h"
#include "testsuite.h"

#include <QJsonObject>
#include <QStringList>

namespace jb {

// A case's expectations beside what its run gave, for showing side by side: `expected` holds
// each expectation by its path (the value for equals, {"<operator>": operand} for the others),
// `actual` the run's value at each of those paths ("<absent>" when there is none), `paths` the
// paths where they differ — below the expectation's own path when equals found a deeper
// difference — and `messages` the failures as the run wrote them.
struct CaseDiff
{
    static inline const QString absent = QStringLiteral("<absent>");

    QJsonObject expected;
    QJsonObject actual;
    QStringList paths;
    QStringList messages;

    static CaseDiff of(const TestCase &test, const CaseResult &result);
    // The path a failure message names: the text before its first ": ".
    static QString pathOf(const QString &failure);
};

} // namespace jb
