#include "jsonsourcemap.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace jb {

TextPosition TextPosition::fromOffset(const QByteArray &utf8, qsizetype byteOffset)
{
    TextPosition position;
    const qsizetype end = std::min(byteOffset, utf8.size());
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < end; ++i) {
        if (utf8.at(i) == '\n') {
            ++position.line;
            lineStart = i + 1;
        }
    }
    // characters are code points: one for "ã", one for "📍" (which is two UTF-16 units)
    position.column
        = static_cast<int>(QString::fromUtf8(utf8.constData() + lineStart, end - lineStart).toUcs4().size())
        + 1;
    return position;
}

JsonSourceMap::JsonSourceMap(const QByteArray &utf8)
    : m_text(utf8)
{
    scanValue(skipSpace(0), QString());
}

TextPosition JsonSourceMap::positionOf(const QString &pointer) const
{
    QString path = pointer;
    while (true) {
        const auto it = m_offsets.constFind(path);
        if (it != m_offsets.constEnd())
            return TextPosition::fromOffset(m_text, it.value());
        if (path.isEmpty())
            return {};
        path.truncate(path.lastIndexOf(u'/'));
    }
}

qsizetype JsonSourceMap::skipSpace(qsizetype at) const
{
    while (at < m_text.size()) {
        const char c = m_text.at(at);
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            break;
        ++at;
    }
    return at;
}

qsizetype JsonSourceMap::scanString(qsizetype at, QString *decoded) const
{
    // `at` is on the opening quote; returns the offset just past the closing quote.
    qsizetype end = at + 1;
    while (end < m_text.size() && m_text.at(end) != '"')
        end += m_text.at(end) == '\\' ? 2 : 1;
    ++end;
    if (decoded) {
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + m_text.mid(at, end - at) + ']');
        *decoded = wrapped.array().at(0).toString();
    }
    return end;
}

qsizetype JsonSourceMap::scanValue(qsizetype at, const QString &pointer)
{
    m_offsets.insert(pointer, at);
    if (at >= m_text.size())
        return at;
    const char c = m_text.at(at);
    if (c == '{') {
        at = skipSpace(at + 1);
        while (at < m_text.size() && m_text.at(at) != '}') {
            QString key;
            at = skipSpace(scanString(at, &key));
            at = skipSpace(at + 1); // the colon
            key.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
            at = skipSpace(scanValue(at, pointer + u'/' + key));
            if (at < m_text.size() && m_text.at(at) == ',')
                at = skipSpace(at + 1);
        }
        return at + 1;
    }
    if (c == '[') {
        at = skipSpace(at + 1);
        int index = 0;
        while (at < m_text.size() && m_text.at(at) != ']') {
            at = skipSpace(scanValue(at, pointer + u'/' + QString::number(index++)));
            if (at < m_text.size() && m_text.at(at) == ',')
                at = skipSpace(at + 1);
        }
        return at + 1;
    }
    if (c == '"')
        return scanString(at, nullptr);
    while (at < m_text.size()) {
        const char d = m_text.at(at);
        if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t')
            break;
        ++at;
    }
    return at;
}

} // namespace jb
