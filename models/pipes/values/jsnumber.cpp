#include "jsnumber.h"

#include <charconv>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace jb::JsNumber {

QString toString(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (value == 0)
        return u"0"_s;
    if (std::isinf(value))
        return value < 0 ? u"-Infinity"_s : u"Infinity"_s;

    // the shortest round-trip digits, from the scientific form "d.ddde±x"
    char buffer[64];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value),
        std::chars_format::scientific);
    const std::string_view text(buffer, size_t(written.ptr - buffer));
    const size_t e = text.find('e');
    std::string digits;
    for (size_t i = 0; i < e; ++i) {
        if (text[i] != '.')
            digits += text[i];
    }
    int exponent = 0;
    std::from_chars(text.data() + e + 1 + (text[e + 1] == '+' ? 1 : 0), text.data() + text.size(), exponent);
    const int k = int(digits.size());
    const int n = exponent + 1; // the decimal point sits after n digits

    std::string result = value < 0 ? "-" : "";
    if (k <= n && n <= 21) {
        result += digits;
        result.append(size_t(n - k), '0');
    } else if (0 < n && n <= 21) {
        result += digits.substr(0, size_t(n));
        result += '.';
        result += digits.substr(size_t(n));
    } else if (-6 < n && n <= 0) {
        result += "0.";
        result.append(size_t(-n), '0');
        result += digits;
    } else {
        result += digits[0];
        if (k > 1) {
            result += '.';
            result += digits.substr(1);
        }
        result += 'e';
        result += n - 1 >= 0 ? '+' : '-';
        result += std::to_string(std::abs(n - 1));
    }
    return QString::fromLatin1(result.data(), qsizetype(result.size()));
}

bool isBlank(char16_t c)
{
    switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

QStringView trimmed(QStringView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isBlank(text.at(begin).unicode()))
        ++begin;
    while (end > begin && isBlank(text.at(end - 1).unicode()))
        --end;
    return text.sliced(begin, end - begin);
}

namespace {

double radixInteger(QStringView digits, int radix)
{
    if (digits.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    double result = 0;
    for (const QChar c : digits) {
        const char16_t u = c.unicode();
        int digit = -1;
        if (u >= '0' && u <= '9')
            digit = u - '0';
        else if (u >= 'a' && u <= 'z')
            digit = u - 'a' + 10;
        else if (u >= 'A' && u <= 'Z')
            digit = u - 'A' + 10;
        if (digit < 0 || digit >= radix)
            return std::numeric_limits<double>::quiet_NaN();
        result = result * radix + digit;
    }
    return result;
}

// StrDecimalLiteral without its sign: digits [. digits] | . digits, then an optional exponent.
bool isDecimalLiteral(QStringView text)
{
    qsizetype i = 0;
    const auto digits = [&] {
        const qsizetype from = i;
        while (i < text.size() && text.at(i) >= u'0' && text.at(i) <= u'9')
            ++i;
        return i - from;
    };
    const qsizetype whole = digits();
    qsizetype fraction = 0;
    if (i < text.size() && text.at(i) == u'.') {
        ++i;
        fraction = digits();
    }
    if (whole == 0 && fraction == 0)
        return false;
    if (i < text.size() && (text.at(i) == u'e' || text.at(i) == u'E')) {
        ++i;
        if (i < text.size() && (text.at(i) == u'+' || text.at(i) == u'-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == text.size();
}

} // namespace

double fromString(QStringView text)
{
    const QStringView t = trimmed(text);
    if (t.isEmpty())
        return 0;
    if (t.size() > 2 && t.at(0) == u'0') {
        const char16_t prefix = t.at(1).toLower().unicode();
        if (prefix == u'x')
            return radixInteger(t.sliced(2), 16);
        if (prefix == u'o')
            return radixInteger(t.sliced(2), 8);
        if (prefix == u'b')
            return radixInteger(t.sliced(2), 2);
    }
    double sign = 1;
    QStringView body = t;
    if (body.at(0) == u'+' || body.at(0) == u'-') {
        sign = body.at(0) == u'-' ? -1 : 1;
        body = body.sliced(1);
    }
    if (body == u"Infinity")
        return sign * std::numeric_limits<double>::infinity();
    if (!isDecimalLiteral(body))
        return std::numeric_limits<double>::quiet_NaN();
    const QByteArray latin = body.toLatin1();
    double value = 0;
    const auto parsed = std::from_chars(latin.constData(), latin.constData() + latin.size(), value);
    if (parsed.ec == std::errc::result_out_of_range) {
        // too large or too small for a double: JavaScript rounds to Infinity or to 0
        const qsizetype e = qMax(latin.indexOf('e'), latin.indexOf('E'));
        const QByteArray mantissa = e < 0 ? latin : latin.left(e);
        const long exponent = e < 0 ? 0 : std::strtol(latin.constData() + e + 1, nullptr, 10);
        const qsizetype point = mantissa.indexOf('.');
        const QByteArray whole = (point < 0 ? mantissa : mantissa.left(point));
        qsizetype magnitude = 0;
        if (whole.count('0') != whole.size()) {
            magnitude = whole.size(); // some digit of the whole part is not 0: at least 10^0
        } else {
            const QByteArray fraction = point < 0 ? QByteArray() : mantissa.mid(point + 1);
            qsizetype zeros = 0;
            while (zeros < fraction.size() && fraction.at(zeros) == '0')
                ++zeros;
            magnitude = -zeros;
        }
        value = magnitude + exponent > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    }
    return sign * value;
}

} // namespace jb::JsNumber
