#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace jb {

// The HTTP statuses a probe accepts: "200", "200-299", "2xx", or a comma-separated list of those.
// An empty text means 200-299.
class StatusExpectation final
{
public:
    static Result<StatusExpectation> parse(const QString &text);

    bool matches(int status) const;
    QString text() const { return m_text; }

private:
    struct Range
    {
        int from = 0;
        int to = 0;
    };
    QList<Range> m_ranges;
    QString m_text;
};

} // namespace jb
