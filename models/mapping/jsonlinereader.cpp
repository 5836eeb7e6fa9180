#include "jsonlinereader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

struct Cursor
{
    const char *p;
    const char *end;

    void skipSpace()
    {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            ++p;
    }
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool readHex4(Cursor &c, char16_t &unit)
{
    if (c.end - c.p < 4)
        return false;
    unit = 0;
    for (int i = 0; i < 4; ++i) {
        const int v = hexValue(c.p[i]);
        if (v < 0)
            return false;
        unit = static_cast<char16_t>(unit * 16 + v);
    }
    c.p += 4;
    return true;
}

// A JSON string at c.p (just after the opening quote); false when it is not valid JSON.
bool readString(Cursor &c, QString &out)
{
    const char *start = c.p;
    // the usual case: no escape; UTF-8 validity is checked by the conversion below
    while (c.p < c.end && *c.p != '"' && *c.p != '\\' && static_cast<unsigned char>(*c.p) >= 0x20)
        ++c.p;
    if (c.p < c.end && *c.p == '"') {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        out = decoder(QByteArrayView(start, c.p - start));
        ++c.p;
        return !decoder.hasError();
    }
    QByteArray bytes(start, c.p - start);
    while (c.p < c.end) {
        const char ch = *c.p;
        if (ch == '"') {
            ++c.p;
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            out = decoder(bytes);
            return !decoder.hasError();
        }
        if (static_cast<unsigned char>(ch) < 0x20)
            return false;
        if (ch != '\\') {
            bytes.append(ch);
            ++c.p;
            continue;
        }
        ++c.p;
        if (c.p >= c.end)
            return false;
        const char e = *c.p++;
        switch (e) {
        case '"':
            bytes.append('"');
            break;
        case '\\':
            bytes.append('\\');
            break;
        case '/':
            bytes.append('/');
            break;
        case 'b':
            bytes.append('\b');
            break;
        case 'f':
            bytes.append('\f');
            break;
        case 'n':
            bytes.append('\n');
            break;
        case 'r':
            bytes.append('\r');
            break;
        case 't':
            bytes.append('\t');
            break;
        case 'u': {
            char16_t unit = 0;
            if (!readHex4(c, unit))
                return false;
            char16_t units[2] = {unit, 0};
            qsizetype count = 1;
            if (QChar::isHighSurrogate(unit)) {
                char16_t low = 0;
                if (c.end - c.p < 6 || c.p[0] != '\\' || c.p[1] != 'u')
                    return false;
                c.p += 2;
                if (!readHex4(c, low) || !QChar::isLowSurrogate(low))
                    return false;
                units[1] = low;
                count = 2;
            } else if (QChar::isLowSurrogate(unit)) {
                return false;
            }
            bytes.append(QString::fromUtf16(units, count).toUtf8());
            break;
        }
        default:
            return false;
        }
    }
    return false;
}

// A JSON number; integers of up to 18 digits stay exact (QJsonValue keeps them as qint64, as
// QJsonDocument does), others are doubles.
bool readNumber(Cursor &c, QJsonValue &out)
{
    // the JSON grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    const char *start = c.p;
    if (c.p < c.end && *c.p == '-')
        ++c.p;
    if (c.p >= c.end)
        return false;
    if (*c.p == '0')
        ++c.p;
    else if (*c.p >= '1' && *c.p <= '9')
        while (c.p < c.end && *c.p >= '0' && *c.p <= '9')
            ++c.p;
    else
        return false;
    const qsizetype integerDigits = c.p - start - (*start == '-' ? 1 : 0);
    bool integral = true;
    if (c.p < c.end && *c.p == '.') {
        integral = false;
        ++c.p;
        const char *digits = c.p;
        while (c.p < c.end && *c.p >= '0' && *c.p <= '9')
            ++c.p;
        if (c.p == digits)
            return false;
    }
    if (c.p < c.end && (*c.p == 'e' || *c.p == 'E')) {
        integral = false;
        ++c.p;
        if (c.p < c.end && (*c.p == '+' || *c.p == '-'))
            ++c.p;
        const char *digits = c.p;
        while (c.p < c.end && *c.p >= '0' && *c.p <= '9')
            ++c.p;
        if (c.p == digits)
            return false;
    }
    if (integral && integerDigits <= 18) {
        qint64 value = 0;
        const char *q = start;
        const bool negative = *q == '-';
        if (negative)
            ++q;
        for (; q < c.p; ++q)
            value = value * 10 + (*q - '0');
        out = negative ? -value : value;
        return true;
    }
    bool ok = false;
    const double number = QByteArrayView(start, c.p - start).toDouble(&ok);
    out = number;
    return ok;
}

} // namespace

JsonLineReader::Flat JsonLineReader::readFlat(QByteArrayView line, QJsonObject &object)
{
    Cursor c{line.data(), line.data() + line.size()};
    c.skipSpace();
    if (c.p >= c.end || *c.p != '{')
        return Flat::NotFlat;
    ++c.p;
    c.skipSpace();
    if (c.p < c.end && *c.p == '}') {
        ++c.p;
        c.skipSpace();
        return c.p == c.end ? Flat::Done : Flat::Invalid;
    }
    QString key;
    QString text;
    while (c.p < c.end) {
        c.skipSpace();
        if (c.p >= c.end || *c.p != '"')
            return Flat::Invalid;
        ++c.p;
        if (!readString(c, key))
            return Flat::Invalid;
        c.skipSpace();
        if (c.p >= c.end || *c.p != ':')
            return Flat::Invalid;
        ++c.p;
        c.skipSpace();
        if (c.p >= c.end)
            return Flat::Invalid;
        const char first = *c.p;
        if (first == '"') {
            ++c.p;
            if (!readString(c, text))
                return Flat::Invalid;
            object.insert(key, text);
        } else if (first == '{' || first == '[') {
            return Flat::NotFlat;
        } else if (first == 't' && c.end - c.p >= 4 && QByteArrayView(c.p, 4) == "true") {
            c.p += 4;
            object.insert(key, true);
        } else if (first == 'f' && c.end - c.p >= 5 && QByteArrayView(c.p, 5) == "false") {
            c.p += 5;
            object.insert(key, false);
        } else if (first == 'n' && c.end - c.p >= 4 && QByteArrayView(c.p, 4) == "null") {
            c.p += 4;
            object.insert(key, QJsonValue(QJsonValue::Null));
        } else {
            QJsonValue number;
            if (!readNumber(c, number))
                return Flat::Invalid;
            object.insert(key, number);
        }
        c.skipSpace();
        if (c.p >= c.end)
            return Flat::Invalid;
        if (*c.p == ',') {
            ++c.p;
            continue;
        }
        if (*c.p == '}') {
            ++c.p;
            c.skipSpace();
            return c.p == c.end ? Flat::Done : Flat::Invalid;
        }
        return Flat::Invalid;
    }
    return Flat::Invalid;
}

bool JsonLineReader::read(QByteArrayView line, QJsonObject &object, QString &error)
{
    object = QJsonObject();
    if (readFlat(line, object) == Flat::Done)
        return true;
    // nested values, duplicate-free checks and the exact error message: the full parser
    object = QJsonObject();
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    qsizetype column = parseError.offset + 1;
    if (parseError.error == QJsonParseError::UnterminatedString) {
        // QJsonDocument names an object cut short after a complete string value (`{"a": "b"`)
        // an unterminated string when its buffer ends there; past a newline it sees the object
        QJsonParseError again;
        QJsonDocument::fromJson(line.toByteArray() + '\n', &again);
        if (again.error != QJsonParseError::UnterminatedString) {
            parseError = again;
            column = std::min<qsizetype>(again.offset, line.size()) + 1;
        }
    }
    if (parseError.error != QJsonParseError::NoError) {
        error = u"not JSON: %1 at column %2"_s.arg(parseError.errorString()).arg(column);
        return false;
    }
    if (!document.isObject()) {
        error = u"not a JSON object"_s;
        return false;
    }
    object = document.object();
    return true;
}

} // namespace jb
