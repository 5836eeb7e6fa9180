#pragma once

#include <QString>
#include <QStringView>

namespace jb::JsNumber {

// Number to text exactly as JavaScript writes it (Number::toString, ECMA-262 6.1.6.1.20): the
// shortest digits that read back as the same double, in fixed notation from 1e-6 to 1e21 and
// with an exponent outside it ("1e+21", "1.5e-7"), "NaN", "Infinity", and -0 as "0".
QString toString(double value);

// Text to number as JavaScript's Number(text) reads it (StringToNumber): JavaScript's blanks
// around it ignored, empty text is 0, "Infinity" with a sign, 0x/0o/0b integers, decimal
// literals; anything else is NaN.
double fromString(QStringView text);

// JavaScript's WhiteSpace and LineTerminator characters, which trim() and Number() drop.
bool isBlank(char16_t c);
QStringView trimmed(QStringView text);

} // namespace jb::JsNumber
