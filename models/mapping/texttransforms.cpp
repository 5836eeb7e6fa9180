#include "texttransforms.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// Area codes (DDD) in use in Brazil.
bool isDdd(int ddd)
{
    static const QSet<int> codes = {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34,
        35, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69,
        71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99};
    return codes.contains(ddd);
}

// The part of a date/time format that is not quoted literal text.
QString formatLetters(const QString &format)
{
    QString letters;
    bool quoted = false;
    for (const QChar c : format) {
        if (c == u'\'')
            quoted = !quoted;
        else if (!quoted)
            letters += c;
    }
    return letters;
}

bool hasDate(const QString &letters)
{
    return letters.contains(u'd') || letters.contains(u'M') || letters.contains(u'y');
}

bool hasTime(const QString &letters)
{
    return letters.contains(u'h') || letters.contains(u'H') || letters.contains(u'm')
        || letters.contains(u's') || letters.contains(u'z') || letters.contains(u'a')
        || letters.contains(u'A');
}

QList<uint> codePoints(const QString &text)
{
    return text.toUcs4();
}

QString fromCodePoints(const QList<uint> &points, qsizetype start, qsizetype length)
{
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData() + start), length);
}

QString capitalised(const QString &part)
{
    if (part.isEmpty())
        return part;
    const qsizetype first = part.at(0).isHighSurrogate() && part.size() > 1 ? 2 : 1;
    return part.left(first).toUpper() + part.mid(first);
}

} // namespace

QString TextTransforms::trim(const QString &text)
{
    return text.trimmed();
}

QString TextTransforms::upper(const QString &text)
{
    return text.toUpper();
}

QString TextTransforms::lower(const QString &text)
{
    return text.toLower();
}

QString TextTransforms::titleCase(const QString &text)
{
    static const QSet<QString> particles = {u"da"_s, u"de"_s, u"do"_s, u"das"_s, u"dos"_s, u"e"_s};
    const QString lowered = text.toLower();
    QString out;
    out.reserve(lowered.size());
    int words = 0;
    qsizetype i = 0;
    while (i < lowered.size()) {
        if (lowered.at(i).isSpace()) {
            out += lowered.at(i++);
            continue;
        }
        qsizetype end = i;
        while (end < lowered.size() && !lowered.at(end).isSpace())
            ++end;
        const QString word = lowered.mid(i, end - i);
        if (words > 0 && particles.contains(word)) {
            out += word;
        } else {
            QStringList parts = word.split(u'-');
            for (QString &part : parts)
                part = capitalised(part);
            out += parts.join(u'-');
        }
        ++words;
        i = end;
    }
    return out;
}

QString TextTransforms::digitsOnly(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9')
            out += c;
    }
    return out;
}

QString TextTransforms::pad(const QString &text, bool left, const QString &fill, int width)
{
    const QString unit = fill.isEmpty() ? u" "_s : fill;
    qsizetype length = codePoints(text).size();
    if (length >= width)
        return text;
    QString padding;
    const qsizetype unitLength = codePoints(unit).size();
    while (length + unitLength <= width) {
        padding += unit;
        length += unitLength;
    }
    return left ? padding + text : text + padding;
}

QString TextTransforms::substring(const QString &text, int start, int length)
{
    const QList<uint> points = codePoints(text);
    qsizetype from = start < 0 ? std::max<qsizetype>(0, points.size() + start)
                               : std::min<qsizetype>(start, points.size());
    const qsizetype available = points.size() - from;
    const qsizetype count = length < 0 ? available : std::min<qsizetype>(length, available);
    return fromCodePoints(points, from, count);
}

Result<QString> TextTransforms::phoneE164(const QString &text)
{
    const auto fail = [&](const QString &why) {
        return Result<QString>::failure(
            Error::Code::Parse, u"not a Brazilian phone number \"%1\": %2"_s.arg(text, why));
    };
    const QString trimmed = text.trimmed();
    static const QRegularExpression allowed(u"^[+0-9 ()./xX-]*$"_s);
    if (!allowed.match(trimmed).hasMatch())
        return fail(u"it has letters or symbols"_s);
    QString digits = digitsOnly(trimmed);
    if (trimmed.startsWith(u'+')) {
        if (!digits.startsWith(u"55"))
            return fail(u"the country code is not Brazil's +55"_s);
        digits = digits.mid(2);
    } else if (digits.startsWith(u'0')) {
        // 0 + DDD + number, or 0 + carrier (2 digits) + DDD + number; "0xx11" loses its x's above
        if (digits.size() == 11 || digits.size() == 12)
            digits = digits.mid(1);
        else if (digits.size() == 13 || digits.size() == 14)
            digits = digits.mid(3);
    } else if (digits.startsWith(u"55") && (digits.size() == 12 || digits.size() == 13)) {
        digits = digits.mid(2);
    }
    if (digits.size() < 10 || digits.size() > 11)
        return fail(u"%1 digits; expected a DDD and 8 or 9 digits"_s.arg(digits.size()));
    const int ddd = digits.left(2).toInt();
    if (!isDdd(ddd))
        return fail(u"%1 is not a Brazilian area code (DDD)"_s.arg(digits.left(2)));
    const QString local = digits.mid(2);
    if (local.size() == 9 && local.at(0) != u'9')
        return fail(u"a 9-digit number starts with 9"_s);
    if (local.size() == 8 && (local.at(0) < u'2' || local.at(0) > u'5'))
        return fail(u"an 8-digit (landline) number starts with 2 to 5"_s);
    return QString(u"+55"_s + digits);
}

Result<QString> TextTransforms::reformatDate(const QString &text, const QString &from, const QString &to)
{
    const QString value = text.trimmed();
    const bool fromIso = from.compare(u"iso"_s, Qt::CaseInsensitive) == 0;
    const bool toIso = to.compare(u"iso"_s, Qt::CaseInsensitive) == 0;
    const QString inLetters = formatLetters(from);
    const bool inDate = fromIso || hasDate(inLetters);
    const bool inTime = fromIso ? value.contains(u'T') || value.contains(u':') : hasTime(inLetters);
    const QString what = inDate && inTime ? u"date and time"_s : (inDate ? u"date"_s : u"time"_s);
    const auto fail = [&] {
        return Result<QString>::failure(Error::Code::Parse,
            u"\"%1\" is not a %2 in %3"_s.arg(text, what, fromIso ? u"ISO 8601"_s : from));
    };
    if (!inDate && !inTime)
        return Result<QString>::failure(
            Error::Code::Parse, u"the format %1 reads no date and no time"_s.arg(from));
    QDate date;
    QTime time;
    if (fromIso) {
        if (inTime) {
            const QDateTime parsed = QDateTime::fromString(value, Qt::ISODateWithMs);
            if (!parsed.isValid())
                return fail();
            date = parsed.date();
            time = parsed.time();
        } else {
            date = QDate::fromString(value, Qt::ISODate);
        }
    } else if (inDate && inTime) {
        QDateTime parsed = QDateTime::fromString(value, from);
        if (!parsed.isValid())
            return fail();
        date = parsed.date();
        time = parsed.time();
    } else if (inDate) {
        date = QDate::fromString(value, from);
    } else {
        time = QTime::fromString(value, from);
    }
    if ((inDate && !date.isValid()) || (inTime && !time.isValid()))
        return fail();
    if (toIso) {
        if (inDate && inTime)
            return QDateTime(date, time, Qt::UTC).toString(Qt::ISODate).chopped(1); // no zone was given
        return inDate ? date.toString(Qt::ISODate) : time.toString(u"HH:mm:ss"_s);
    }
    const QString outLetters = formatLetters(to);
    if (hasDate(outLetters) && !inDate)
        return Result<QString>::failure(
            Error::Code::Parse, u"%1 writes a date, but %2 reads none"_s.arg(to, from));
    if (hasDate(outLetters) && hasTime(outLetters))
        return QDateTime(date, inTime ? time : QTime(0, 0), Qt::UTC).toString(to);
    if (hasDate(outLetters))
        return date.toString(to);
    if (hasTime(outLetters))
        return (inTime ? time : QTime(0, 0)).toString(to);
    return Result<QString>::failure(
        Error::Code::Parse, u"the format %1 writes no date and no time"_s.arg(to));
}

Result<double> TextTransforms::parseNumber(const QString &text, QChar decimal)
{
    QString value = text.trimmed();
    for (const QString &currency : {u"R$"_s, u"US$"_s, u"$"_s, u"€"_s}) {
        if (value.startsWith(currency)) {
            value = value.mid(currency.size()).trimmed();
            break;
        }
    }
    value.remove(u' ').remove(QChar(0x00A0)).remove(QChar(0x202F));
    const QChar group = decimal == u',' ? u'.' : u',';
    const QString d = QRegularExpression::escape(QString(decimal));
    const QString g = QRegularExpression::escape(QString(group));
    // 1234,56 or 1.234,56 (groups of three only) with decimal ','; the mirror for '.'
    const QRegularExpression plain(u"^[-+]?([0-9]+(%1[0-9]+)?|%1[0-9]+)$"_s.arg(d));
    const QRegularExpression grouped(u"^[-+]?[0-9]{1,3}(%1[0-9]{3})+(%2[0-9]+)?$"_s.arg(g, d));
    if (!plain.match(value).hasMatch() && !grouped.match(value).hasMatch())
        return Result<double>::failure(Error::Code::Parse,
            u"\"%1\" is not a number with decimal separator %2"_s.arg(text, QString(decimal)));
    value.remove(group).replace(decimal, u'.');
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return Result<double>::failure(Error::Code::Parse, u"\"%1\" is out of range"_s.arg(text));
    return number;
}

QString TextTransforms::formatNumber(double value, QChar decimal, int places)
{
    QString text = QString::number(value, 'f', places < 0 ? QLocale::FloatingPointShortest : places);
    if (decimal != u'.')
        text.replace(u'.', decimal);
    return text;
}

} // namespace jb
