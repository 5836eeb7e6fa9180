#include "jsregex.h"

using namespace Qt::StringLiterals;

namespace jb::JsRegex {

namespace {

const QString blankClass = u"\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}"
                           "\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"_s;

bool isSyntaxCharacter(QChar c)
{
    return QStringView(u"^$\\.*+?()[]{}|/-").contains(c);
}

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// GetSubstitution (ECMA-262 22.1.3.19.1) over a match's captures.
QString substitute(const QString &replacement, QStringView matched, QStringView before, QStringView after,
    const QStringList &captures, const std::vector<bool> &captured)
{
    if (!replacement.contains(u'$'))
        return replacement;
    QString result;
    const qsizetype m = captures.size();
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement.at(i);
        if (c != u'$' || i + 1 >= replacement.size()) {
            result += c;
            continue;
        }
        const QChar n = replacement.at(i + 1);
        if (n == u'$') {
            result += u'$';
            ++i;
        } else if (n == u'&') {
            result += matched;
            ++i;
        } else if (n == u'`') {
            result += before;
            ++i;
        } else if (n == u'\'') {
            result += after;
            ++i;
        } else if (n >= u'0' && n <= u'9') {
            int index = n.unicode() - u'0';
            int length = 1;
            if (i + 2 < replacement.size() && replacement.at(i + 2) >= u'0' && replacement.at(i + 2) <= u'9') {
                const int two = index * 10 + (replacement.at(i + 2).unicode() - u'0');
                if (two >= 1 && two <= m) {
                    index = two;
                    length = 2;
                }
            }
            if (index >= 1 && index <= m) {
                if (captured[size_t(index - 1)])
                    result += captures.at(index - 1);
                i += length;
            } else {
                result += c;
            }
        } else {
            result += c;
        }
    }
    return result;
}

} // namespace

std::optional<QRegularExpression> translate(const QString &pattern)
{
    QString out;
    bool inClass = false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'\\') {
            if (i + 1 >= pattern.size())
                return std::nullopt;
            const QChar e = pattern.at(++i);
            if (e == u's' || e == u'S') {
                if (inClass)
                    return std::nullopt;
                out += e == u's' ? u"["_s : u"[^"_s;
                out += blankClass;
                out += u']';
            } else if (QStringView(u"dDwWbBntrfv").contains(e) || isSyntaxCharacter(e)) {
                if (e == u'v') {
                    out += u"\\x{0B}"_s; // PCRE's \v is a class of vertical blanks
                } else if (inClass && e == u'b') {
                    out += u"\\x{08}"_s; // a backspace inside a class
                } else {
                    out += u'\\';
                    out += e;
                }
            } else if (e == u'u' && !inClass && i + 4 < pattern.size() && isHex(pattern.at(i + 1))
                && isHex(pattern.at(i + 2)) && isHex(pattern.at(i + 3)) && isHex(pattern.at(i + 4))) {
                out += u"\\x{"_s + pattern.mid(i + 1, 4) + u'}';
                i += 4;
            } else {
                return std::nullopt; // backreferences, \0, \c, \x, \k, identity escapes
            }
            continue;
        }
        if (inClass) {
            if (c == u']')
                inClass = false;
            else if (c == u'[')
                return std::nullopt; // [: and [= mean something to PCRE
            out += c;
            continue;
        }
        switch (c.unicode()) {
        case u'[':
            if (i + 1 < pattern.size() && pattern.at(i + 1) == u']')
                return std::nullopt;
            if (i + 2 < pattern.size() && pattern.at(i + 1) == u'^' && pattern.at(i + 2) == u']')
                return std::nullopt;
            inClass = true;
            out += c;
            break;
        case u'$':
            out += u"\\z"_s;
            break;
        case u'.':
            out += u"[^\\n\\r\\x{2028}\\x{2029}]"_s;
            break;
        case u'(':
            if (i + 1 < pattern.size() && pattern.at(i + 1) == u'?') {
                if (i + 2 >= pattern.size() || !QStringView(u":=!").contains(pattern.at(i + 2)))
                    return std::nullopt;
            }
            out += c;
            break;
        default:
            out += c;
        }
    }
    if (inClass)
        return std::nullopt;
    QRegularExpression regex(out);
    if (!regex.isValid())
        return std::nullopt;
    regex.optimize();
    return regex;
}

QString replace(const QString &subject, const QRegularExpression &regex, bool global, const QString &replacement)
{
    QString result;
    qsizetype copied = 0;
    qsizetype from = 0;
    const int groups = regex.captureCount();
    QStringList captures;
    std::vector<bool> captured;
    while (from <= subject.size()) {
        const QRegularExpressionMatch match = regex.match(subject, from);
        if (!match.hasMatch())
            break;
        const qsizetype start = match.capturedStart();
        const qsizetype end = match.capturedEnd();
        captures.clear();
        captured.assign(size_t(groups), false);
        for (int g = 1; g <= groups; ++g) {
            captures.append(match.captured(g));
            captured[size_t(g - 1)] = match.capturedStart(g) >= 0;
        }
        result += QStringView(subject).sliced(copied, start - copied);
        result += substitute(replacement, QStringView(subject).sliced(start, end - start),
            QStringView(subject).first(start), QStringView(subject).sliced(end), captures, captured);
        copied = end;
        if (!global)
            break;
        // an empty match moves on by one code unit, as lastIndex does
        from = end == start ? end + 1 : end;
    }
    result += QStringView(subject).sliced(copied);
    return result;
}

QString replace(const QString &subject, const QString &pattern, const QString &replacement)
{
    const qsizetype at = subject.indexOf(pattern);
    if (at < 0)
        return subject;
    const qsizetype end = at + pattern.size();
    return subject.first(at)
        + substitute(replacement, QStringView(subject).sliced(at, pattern.size()), QStringView(subject).first(at),
            QStringView(subject).sliced(end), {}, {})
        + QStringView(subject).sliced(end);
}

} // namespace jb::JsRegex
