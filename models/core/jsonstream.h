#pragma once

#include <QByteArray>
#include <QStringView>

#include <vector>

namespace jb {

// Writes JSON member by member in the layout JsonWriter gives project files and evidence (two-space
// indent, one member or item per line, UTF-8 text unescaped, integers without a fraction): for data
// that lives in structs, written straight from them instead of through a QJsonObject first. The
// caller writes the keys in the order it wants them.
//
//     JsonStream json;
//     json.beginObject();
//     json.key(u"name").string(name);
//     json.endObject();
//     QByteArray bytes = json.take();
class JsonStream final
{
public:
    JsonStream();

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // The next value is this member's; returns *this to write it.
    JsonStream &key(QStringView key);

    void string(QStringView text);
    void number(double number); // NaN and infinity, which JSON lacks, become null
    void boolean(bool value);
    void null();

    // The bytes written, with the trailing newline files end with.
    QByteArray take();

private:
    void beforeValue();
    void quoted(QStringView text);
    void escaped(QStringView text);
    void newLine(int depth);

    struct Level
    {
        bool empty = true;
    };

    QByteArray m_bytes;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace jb
