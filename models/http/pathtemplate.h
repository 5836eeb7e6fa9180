#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace jb {

// A REST path template such as "/api/v1/customers/{id}": literal segments and whole-segment
// parameters, matched against a path as sent (percent-encoded, no query); parameter values are
// handed back percent-decoded. Contract mock rules and pipe triggers route with it, each with
// the matching its users have always had.
class PathTemplate final
{
public:
    using Parameters = QList<std::pair<QString, QString>>;

    enum class Matching
    {
        // Contract mock rules: one trailing slash on either side is ignored, and a parameter
        // needs a non-empty segment.
        Lenient,
        // Pipe triggers: a trailing slash must be where the template has one, an empty segment
        // inside the template is refused, and a parameter may be empty ("/consultaCEP/" reaches
        // the pipe with an empty cep, for it to explain the format).
        Exact,
    };

    PathTemplate() = default;
    static Result<PathTemplate> parse(const QString &pattern, Matching matching = Matching::Lenient);

    QString pattern() const { return m_pattern; }
    QStringList parameterNames() const;
    bool isEmpty() const { return m_pattern.isEmpty(); }
    // How specific the template is: among several that match, routes prefer the most literals.
    int literalCount() const { return m_literalCount; }

    // True when `path` fits; allocates nothing.
    bool matches(QByteArrayView path) const;
    // The decoded parameters, in template order, when `path` fits.
    std::optional<Parameters> match(QByteArrayView path) const;

private:
    struct Segment
    {
        QByteArray literal; // percent-encoded form, compared with the request's segment
        QString parameter; // non-empty: this segment is a parameter
    };

    template <typename Visit> bool walk(QByteArrayView path, Visit &&visit) const;

    QString m_pattern;
    Matching m_matching = Matching::Lenient;
    QList<Segment> m_segments;
    int m_literalCount = 0;
};

} // namespace jb
