#include "pathtemplate.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QByteArrayView withoutTrailingSlash(QByteArrayView path)
{
    return path.size() > 1 && path.endsWith('/') ? path.chopped(1) : path;
}

} // namespace

Result<PathTemplate> PathTemplate::parse(const QString &pattern, Matching matching)
{
    const bool exact = matching == Matching::Exact;
    // what each kind of user has always called it in its messages
    const QString noun = exact ? u"path"_s : u"path template"_s;
    if (!pattern.startsWith(u'/'))
        return Result<PathTemplate>::failure(
            Error::Code::Schema, u"%1 \"%2\" must start with '/'"_s.arg(noun, pattern));
    PathTemplate result;
    result.m_pattern = pattern;
    result.m_matching = matching;
    QString trimmed = pattern.mid(1);
    // exact: a trailing slash is an empty last segment, which the path must have too
    if (!exact && trimmed.endsWith(u'/'))
        trimmed.chop(1);
    if (!exact && trimmed.isEmpty())
        return result;
    const QStringList parts = trimmed.split(u'/');
    QStringList names;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (exact && part.isEmpty() && i + 1 < parts.size())
            return Result<PathTemplate>::failure(
                Error::Code::Schema, u"%1 \"%2\" has an empty segment"_s.arg(noun, pattern));
        Segment segment;
        if (part.startsWith(u'{') && part.endsWith(u'}') && part.size() > 2) {
            segment.parameter = part.mid(1, part.size() - 2);
            if (segment.parameter.contains(u'{') || segment.parameter.contains(u'}'))
                return Result<PathTemplate>::failure(
                    Error::Code::Schema, u"%1 \"%2\": bad parameter \"%3\""_s.arg(noun, pattern, part));
            if (names.contains(segment.parameter))
                return Result<PathTemplate>::failure(Error::Code::Schema,
                    u"%1 \"%2\": parameter \"%3\" appears twice"_s.arg(noun, pattern, segment.parameter));
            names.append(segment.parameter);
        } else if (part.contains(u'{') || part.contains(u'}')) {
            return Result<PathTemplate>::failure(Error::Code::Schema,
                u"%1 \"%2\": a parameter must be a whole segment, such as {id}"_s.arg(noun, pattern));
        } else {
            segment.literal = QUrl::toPercentEncoding(part, "!$&'()*+,;=:@-._~");
            ++result.m_literalCount;
        }
        result.m_segments.append(std::move(segment));
    }
    return result;
}

QStringList PathTemplate::parameterNames() const
{
    QStringList names;
    for (const Segment &segment : m_segments) {
        if (!segment.parameter.isEmpty())
            names.append(segment.parameter);
    }
    return names;
}

template <typename Visit> bool PathTemplate::walk(QByteArrayView path, Visit &&visit) const
{
    if (m_pattern.isEmpty() || !path.startsWith('/'))
        return false;
    const bool exact = m_matching == Matching::Exact;
    path = (exact ? path : withoutTrailingSlash(path)).sliced(1);
    qsizetype index = 0;
    qsizetype start = 0;
    if (m_segments.isEmpty())
        return path.isEmpty();
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        if (index >= m_segments.size())
            return false;
        const QByteArrayView part = path.sliced(start, end - start);
        const Segment &segment = m_segments.at(index);
        if (segment.parameter.isEmpty()) {
            if (part != QByteArrayView(segment.literal))
                return false;
        } else {
            if (part.isEmpty() && !exact)
                return false;
            visit(segment.parameter, part);
        }
        ++index;
        start = end + 1;
    }
    return index == m_segments.size();
}

bool PathTemplate::matches(QByteArrayView path) const
{
    return walk(path, [](const QString &, QByteArrayView) {});
}

std::optional<PathTemplate::Parameters> PathTemplate::match(QByteArrayView path) const
{
    Parameters parameters;
    const bool fits = walk(path, [&parameters](const QString &name, QByteArrayView value) {
        parameters.append({name, QUrl::fromPercentEncoding(value.toByteArray())});
    });
    if (!fits)
        return std::nullopt;
    return parameters;
}

} // namespace jb
