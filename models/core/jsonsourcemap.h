#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace jb {

// A line and column in a text file, both counted from 1 (columns in characters, not bytes).
struct TextPosition
{
    int line = 1;
    int column = 1;

    static TextPosition fromOffset(const QByteArray &utf8, qsizetype byteOffset);
};

// Where each value of a JSON text starts, by JSON Pointer ("/fields/2/type"), so that a message
// about a value can name its line and column. Built from text that already parsed as JSON.
class JsonSourceMap final
{
public:
    explicit JsonSourceMap(const QByteArray &utf8);

    // The position of the value at `pointer`, or of its nearest ancestor that exists.
    TextPosition positionOf(const QString &pointer) const;

private:
    qsizetype scanValue(qsizetype at, const QString &pointer);
    qsizetype scanString(qsizetype at, QString *decoded) const;
    qsizetype skipSpace(qsizetype at) const;

    QByteArray m_text;
    QHash<QString, qsizetype> m_offsets;
};

} // namespace jb
