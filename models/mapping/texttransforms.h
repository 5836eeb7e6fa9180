#pragma once

#include "core/result.h"

#include <QString>

namespace jb {

// The text functions behind the transforms, pure and separately testable. Lengths and positions
// count characters (code points), never UTF-16 units, so accents and emoji count as one.
class TextTransforms final
{
public:
    static QString trim(const QString &text);
    static QString upper(const QString &text);
    static QString lower(const QString &text);
    // "MARIA DA SILVA" -> "Maria da Silva"; hyphenated parts are capitalised too ("Ana-Maria").
    static QString titleCase(const QString &text);
    static QString digitsOnly(const QString &text);
    static QString pad(const QString &text, bool left, const QString &fill, int width);
    // A negative start counts from the end; a negative length means "to the end".
    static QString substring(const QString &text, int start, int length);
    // A Brazilian number in any common writing ("(11) 98765-4321", "011 98765 4321", "+55 11 ...",
    // "0xx21 2345-6789") as E.164 ("+5511987654321"); an error says why a number is not one.
    static Result<QString> phoneE164(const QString &text);
    // Reads `text` as `from` and writes it as `to` (Qt formats, or "iso" for ISO 8601).
    static Result<QString> reformatDate(const QString &text, const QString &from, const QString &to);
    // "1.234,56" with decimal ',' -> 1234.56. Grouping must be in threes; a currency sign
    // (R$, $, €) in front is allowed.
    static Result<double> parseNumber(const QString &text, QChar decimal);
    // places < 0: as many decimals as the value needs.
    static QString formatNumber(double value, QChar decimal, int places);
};

} // namespace jb
