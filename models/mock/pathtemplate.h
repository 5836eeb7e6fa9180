#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace jb {

// A path template such as "/api/v1/customers/{id}": literal segments and whole-segment parameters.
// Matching ignores one trailing slash on either side and the query; a parameter matches one
// non-empty segment, whose value is handed back percent-decoded. Used by contract mock rules and
// by anything else that routes on a REST path (pipe triggers).
class PathTemplate final
{
public:
    using Parameters = QList<std::pair<QString, QString>>;

    PathTemplate() = default;
    static Result<PathTemplate> parse(const QString &pattern);

    QString pattern() const { return m_pattern; }
    QStringList parameterNames() const;
    bool isEmpty() const { return m_pattern.isEmpty(); }

    // True when `path` (as sent: percent-encoded, no query) fits; allocates nothing.
    bool matches(QByteArrayView path) const;
    // The decoded parameters when `path` fits.
    std::optional<Parameters> match(QByteArrayView path) const;

private:
    struct Segment
    {
        QByteArray literal; // percent-encoded form, compared with the request's segment
        QString parameter; // non-empty: this segment is a parameter
    };

    template <typename Visit> bool walk(QByteArrayView path, Visit &&visit) const;

    QString m_pattern;
    QList<Segment> m_segments;
};

} // namespace jb
