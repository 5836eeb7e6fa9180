#include "jsonstream.h"

#include <QLocale>

#include <cmath>

namespace jb {

JsonStream::JsonStream()
{
    m_bytes.reserve(1024);
}

void JsonStream::beginObject()
{
    beforeValue();
    m_bytes += '{';
    m_levels.push_back({});
}

void JsonStream::endObject()
{
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty)
        newLine(int(m_levels.size()));
    m_bytes += '}';
}

void JsonStream::beginArray()
{
    beforeValue();
    m_bytes += '[';
    m_levels.push_back({});
}

void JsonStream::endArray()
{
    endObject(); // the same layout, another bracket
    m_bytes.back() = ']';
}

JsonStream &JsonStream::key(QStringView key)
{
    beforeValue();
    quoted(key);
    m_bytes += ": ";
    m_afterKey = true;
    return *this;
}

void JsonStream::string(QStringView text)
{
    beforeValue();
    quoted(text);
}

void JsonStream::number(double number)
{
    beforeValue();
    if (!std::isfinite(number)) {
        m_bytes += "null";
        return;
    }
    constexpr double exactIntegerLimit = 9007199254740992.0; // 2^53
    if (number == std::floor(number) && std::fabs(number) < exactIntegerLimit) {
        m_bytes += QByteArray::number(static_cast<qint64>(number));
        return;
    }
    m_bytes += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
}

void JsonStream::boolean(bool value)
{
    beforeValue();
    m_bytes += value ? "true" : "false";
}

void JsonStream::null()
{
    beforeValue();
    m_bytes += "null";
}

QByteArray JsonStream::take()
{
    m_bytes += '\n';
    m_levels.clear();
    m_afterKey = false;
    return std::move(m_bytes);
}

// A member's value follows its key on the same line; anything else inside an object or an array
// starts a line of its own, after a comma unless it is the first.
void JsonStream::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    Level &level = m_levels.back();
    if (!level.empty)
        m_bytes += ',';
    level.empty = false;
    newLine(int(m_levels.size()));
}

void JsonStream::newLine(int depth)
{
    m_bytes += '\n';
    m_bytes.append(2 * depth, ' ');
}

void JsonStream::quoted(QStringView text)
{
    m_bytes += '"';
    // ASCII without anything to escape (most keys and values) is copied as it is
    const qsizetype start = m_bytes.size();
    m_bytes.resize(start + text.size());
    char *to = m_bytes.data() + start;
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        if (unit >= 0x80 || unit < 0x20 || unit == u'"' || unit == u'\\') {
            m_bytes.truncate(start);
            escaped(text);
            return;
        }
        *to++ = static_cast<char>(unit);
    }
    m_bytes += '"';
}

void JsonStream::escaped(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            m_bytes += "\\\"";
            break;
        case '\\':
            m_bytes += "\\\\";
            break;
        case '\b':
            m_bytes += "\\b";
            break;
        case '\f':
            m_bytes += "\\f";
            break;
        case '\n':
            m_bytes += "\\n";
            break;
        case '\r':
            m_bytes += "\\r";
            break;
        case '\t':
            m_bytes += "\\t";
            break;
        default:
            if (byte < 0x20) {
                m_bytes += "\\u00";
                m_bytes += QByteArray::number(byte, 16).rightJustified(2, '0');
            } else {
                m_bytes += c;
            }
        }
    }
    m_bytes += '"';
}

} // namespace jb
