#include "jsonstream.h"

#include <QLocale>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace jb {

JsonStream::JsonStream(qsizetype expectedBytes)
{
    m_bytes.resize(std::max<qsizetype>(expectedBytes, 64));
}

void JsonStream::beginObject()
{
    beforeValue();
    put('{');
    m_levels.push_back({});
}

void JsonStream::endObject()
{
    close('}');
}

void JsonStream::beginArray()
{
    beforeValue();
    put('[');
    m_levels.push_back({});
}

void JsonStream::endArray()
{
    close(']');
}

JsonStream &JsonStream::key(QStringView key)
{
    beforeValue();
    quoted(key);
    put(": ");
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
        put("null");
        return;
    }
    constexpr double exactIntegerLimit = 9007199254740992.0; // 2^53
    if (number == std::floor(number) && std::fabs(number) < exactIntegerLimit) {
        char *to = room(24);
        m_size = std::to_chars(to, to + 24, static_cast<qint64>(number)).ptr - m_bytes.data();
        return;
    }
    const QByteArray text = QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
    put(std::string_view(text.constData(), size_t(text.size())));
}

void JsonStream::boolean(bool value)
{
    beforeValue();
    put(value ? "true" : "false");
}

void JsonStream::null()
{
    beforeValue();
    put("null");
}

QByteArray JsonStream::take()
{
    put('\n');
    m_bytes.truncate(m_size);
    m_size = 0;
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
        put(',');
    level.empty = false;
    newLine(int(m_levels.size()));
}

void JsonStream::close(char bracket)
{
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty)
        newLine(int(m_levels.size()));
    put(bracket);
}

void JsonStream::newLine(int depth)
{
    char *to = room(1 + 2 * qsizetype(depth));
    *to = '\n';
    std::memset(to + 1, ' ', size_t(2 * depth));
    m_size += 1 + 2 * depth;
}

char *JsonStream::room(qsizetype bytes)
{
    if (m_size + bytes > m_bytes.size())
        m_bytes.resize(std::max(2 * m_bytes.size(), m_size + bytes));
    return m_bytes.data() + m_size;
}

void JsonStream::put(char c)
{
    *room(1) = c;
    ++m_size;
}

void JsonStream::put(std::string_view bytes)
{
    std::memcpy(room(qsizetype(bytes.size())), bytes.data(), bytes.size());
    m_size += qsizetype(bytes.size());
}

// The text quoted, escaped where JSON must, everything else as UTF-8 (half a surrogate pair, which
// UTF-8 cannot hold, as '?', as QString::toUtf8 writes it): one pass, into room for the worst case.
void JsonStream::quoted(QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    char *start = room(2 + 6 * text.size());
    char *to = start;
    *to++ = '"';
    const char16_t *from = text.utf16();
    const char16_t *end = from + text.size();
    while (from < end) {
        const char16_t unit = *from++;
        if (unit < 0x80) {
            if (unit >= 0x20 && unit != u'"' && unit != u'\\') {
                *to++ = char(unit);
                continue;
            }
            *to++ = '\\';
            switch (unit) {
            case u'"':
                *to++ = '"';
                break;
            case u'\\':
                *to++ = '\\';
                break;
            case u'\b':
                *to++ = 'b';
                break;
            case u'\f':
                *to++ = 'f';
                break;
            case u'\n':
                *to++ = 'n';
                break;
            case u'\r':
                *to++ = 'r';
                break;
            case u'\t':
                *to++ = 't';
                break;
            default:
                *to++ = 'u';
                *to++ = '0';
                *to++ = '0';
                *to++ = hex[unit >> 4];
                *to++ = hex[unit & 0xf];
            }
        } else if (unit < 0x800) {
            *to++ = char(0xc0 | (unit >> 6));
            *to++ = char(0x80 | (unit & 0x3f));
        } else if (QChar::isHighSurrogate(unit) && from < end && QChar::isLowSurrogate(*from)) {
            const char32_t point = QChar::surrogateToUcs4(unit, *from++);
            *to++ = char(0xf0 | (point >> 18));
            *to++ = char(0x80 | ((point >> 12) & 0x3f));
            *to++ = char(0x80 | ((point >> 6) & 0x3f));
            *to++ = char(0x80 | (point & 0x3f));
        } else if (QChar::isSurrogate(unit)) {
            *to++ = '?';
        } else {
            *to++ = char(0xe0 | (unit >> 12));
            *to++ = char(0x80 | ((unit >> 6) & 0x3f));
            *to++ = char(0x80 | (unit & 0x3f));
        }
    }
    *to++ = '"';
    m_size += to - start;
}

} // namespace jb
