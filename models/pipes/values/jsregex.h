#pragma once

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace jb::JsRegex {

// A JavaScript regular expression (the text between the slashes, without flags) as a
// QRegularExpression that matches the same, or nothing when the pattern uses what the two
// engines read differently: backreferences, named groups, lookbehind, \s inside a class, a class
// that starts with "]", \u escapes inside a class. `$` becomes the end of the text and `.` any
// character but a line terminator, as JavaScript reads them without the m and s flags.
std::optional<QRegularExpression> translate(const QString &pattern);

// String.prototype.replace with a regular expression: the first match, or every match with the
// g flag, replaced by `replacement` with its $$, $&, $`, $' and $n patterns.
QString replace(const QString &subject, const QRegularExpression &regex, bool global, const QString &replacement);
// String.prototype.replace with a text pattern: its first occurrence only.
QString replace(const QString &subject, const QString &pattern, const QString &replacement);

} // namespace jb::JsRegex
