#pragma once

#include <QByteArray>
#include <QStringView>

#include <string_view>
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
    explicit JsonStream(qsizetype expectedBytes = 4096); // room made at once, grown when needed

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
    void close(char bracket);
    void quoted(QStringView text);
    void newLine(int depth);
    // Room for `bytes` more at the end (the array grows by doubling; its size is m_size's capacity).
    char *room(qsizetype bytes);
    void put(char c);
    void put(std::string_view bytes);

    struct Level
    {
        bool empty = true;
    };

    QByteArray m_bytes; // written up to m_size, the rest is room
    qsizetype m_size = 0;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace jb
