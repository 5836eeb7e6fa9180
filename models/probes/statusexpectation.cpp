#include "statusexpectation.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace jb {

Result<StatusExpectation> StatusExpectation::parse(const QString &text)
{
    static const QRegularExpression single(u"^([1-5]\\d\\d)$"_s);
    static const QRegularExpression range(u"^([1-5]\\d\\d)\\s*-\\s*([1-5]\\d\\d)$"_s);
    static const QRegularExpression klass(u"^([1-5])xx$"_s, QRegularExpression::CaseInsensitiveOption);
    StatusExpectation expectation;
    const QString trimmed = text.trimmed();
    expectation.m_text = trimmed.isEmpty() ? u"200-299"_s : trimmed;
    const QStringList parts = expectation.m_text.split(u',', Qt::SkipEmptyParts);
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        if (const auto m = single.match(part); m.hasMatch()) {
            expectation.m_ranges.append({m.captured(1).toInt(), m.captured(1).toInt()});
        } else if (const auto r = range.match(part); r.hasMatch()) {
            const int from = r.captured(1).toInt();
            const int to = r.captured(2).toInt();
            if (from > to) {
                return Result<StatusExpectation>::failure(
                    Error::Code::Parse, u"expected status \"%1\": the range is backwards"_s.arg(part));
            }
            expectation.m_ranges.append({from, to});
        } else if (const auto k = klass.match(part); k.hasMatch()) {
            const int hundred = k.captured(1).toInt() * 100;
            expectation.m_ranges.append({hundred, hundred + 99});
        } else {
            return Result<StatusExpectation>::failure(Error::Code::Parse,
                u"expected status \"%1\": write 200, 200-299, 2xx, or a comma-separated list"_s.arg(part));
        }
    }
    if (expectation.m_ranges.isEmpty())
        return Result<StatusExpectation>::failure(Error::Code::Parse, u"no expected status given"_s);
    return expectation;
}

bool StatusExpectation::matches(int status) const
{
    return std::any_of(m_ranges.cbegin(), m_ranges.cend(),
        [status](const Range &range) { return status >= range.from && status <= range.to; });
}

} // namespace jb
