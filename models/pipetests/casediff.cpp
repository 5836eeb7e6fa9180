#include "casediff.h"

using namespace Qt::StringLiterals;

namespace jb {

QString CaseDiff::pathOf(const QString &failure)
{
    const qsizetype colon = failure.indexOf(u": "_s);
    return colon < 0 ? failure : failure.left(colon);
}

CaseDiff CaseDiff::of(const TestCase &test, const CaseResult &result)
{
    CaseDiff diff;
    const QStringList operators = Expectation::operatorNames();
    for (const Expectation &expectation : test.expectations) {
        const QString key = expectation.path.text();
        if (expectation.op == Expectation::Operator::Equals)
            diff.expected.insert(key, expectation.operand);
        else
            diff.expected.insert(key, QJsonObject{{operators.at(int(expectation.op)), expectation.operand}});
        const std::optional<QJsonValue> found = expectation.path.find(result.actual);
        diff.actual.insert(key, found ? *found : QJsonValue(absent));
    }
    diff.messages = result.failures;
    for (const QString &failure : result.failures) {
        const QString path = pathOf(failure);
        if (!diff.paths.contains(path))
            diff.paths.append(path);
    }
    return diff;
}

} // namespace jb
