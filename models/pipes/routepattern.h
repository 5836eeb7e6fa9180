#pragma once

#include "core/result.h"

#include <QHash>
#include <QStringList>

namespace jb {

// A REST trigger's path template such as "/consultaCEP/{cep}": literal segments and named
// parameters, each parameter standing for exactly one path segment (which may be empty:
// "/consultaCEP/" reaches the pipe with an empty cep, for it to explain the format).
class RoutePattern final
{
public:
    RoutePattern() = default;
    static Result<RoutePattern> parse(const QString &pattern);

    QString pattern() const { return m_pattern; }
    QStringList parameterNames() const;
    int literalCount() const { return m_literalCount; }
    // Matches a path as sent on the wire (percent-encoded, no query). Parameter values are
    // percent-decoded; literal segments compare exactly.
    bool match(QStringView path, QHash<QString, QString> *params = nullptr) const;

private:
    struct Segment
    {
        QString text; // the literal, or the parameter name
        bool parameter = false;
    };

    QString m_pattern;
    QList<Segment> m_segments;
    int m_literalCount = 0;
};

} // namespace jb
