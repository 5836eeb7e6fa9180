#include "routepattern.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace jb {

Result<RoutePattern> RoutePattern::parse(const QString &pattern)
{
    if (!pattern.startsWith(u'/'))
        return Result<RoutePattern>::failure(
            Error::Code::Schema, u"path \"%1\" must start with '/'"_s.arg(pattern));
    RoutePattern route;
    route.m_pattern = pattern;
    QStringList seen;
    const QList<QStringView> parts = QStringView(pattern).mid(1).split(u'/');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QStringView part = parts.at(i);
        // a trailing slash is an empty last segment: it must be matched as such
        if (part.isEmpty() && i + 1 < parts.size())
            return Result<RoutePattern>::failure(
                Error::Code::Schema, u"path \"%1\" has an empty segment"_s.arg(pattern));
        if (part.startsWith(u'{') && part.endsWith(u'}')) {
            const QString name = part.mid(1, part.size() - 2).toString();
            if (name.isEmpty() || seen.contains(name))
                return Result<RoutePattern>::failure(Error::Code::Schema,
                    u"path \"%1\": parameter names must be non-empty and unique"_s.arg(pattern));
            seen.append(name);
            route.m_segments.append({name, true});
        } else if (part.contains(u'{') || part.contains(u'}')) {
            return Result<RoutePattern>::failure(Error::Code::Schema,
                u"path \"%1\": a parameter must be a whole segment, like /items/{id}"_s.arg(pattern));
        } else {
            route.m_segments.append({part.toString(), false});
            ++route.m_literalCount;
        }
    }
    return route;
}

QStringList RoutePattern::parameterNames() const
{
    QStringList names;
    for (const Segment &segment : m_segments) {
        if (segment.parameter)
            names.append(segment.text);
    }
    return names;
}

bool RoutePattern::match(QStringView path, QHash<QString, QString> *params) const
{
    if (!path.startsWith(u'/') || m_segments.isEmpty())
        return false;
    qsizetype position = 1;
    for (qsizetype i = 0; i < m_segments.size(); ++i) {
        const Segment &segment = m_segments.at(i);
        const bool last = i + 1 == m_segments.size();
        qsizetype end = path.indexOf(u'/', position);
        if (end < 0)
            end = path.size();
        else if (last)
            return false; // more segments in the path than in the pattern
        const QStringView part = path.mid(position, end - position);
        if (segment.parameter) {
            // an empty value still reaches the pipe, which can say what is wrong with it
            if (params)
                params->insert(segment.text, QUrl::fromPercentEncoding(part.toUtf8()));
        } else if (part != segment.text) {
            return false;
        }
        if (!last && end >= path.size())
            return false; // fewer segments in the path
        position = end + 1;
    }
    return true;
}

} // namespace jb
