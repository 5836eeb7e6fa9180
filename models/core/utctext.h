#pragma once

#include <QDateTime>
#include <QString>

namespace jb {

// `at` in UTC as ISO 8601 with milliseconds, "2026-12-06T05:34:04.086Z": the same text as
// at.toUTC().toString(Qt::ISODateWithMs), made without Qt's general date formatter, which costs
// more than the rest of an evidence record together. Empty for an invalid `at`.
QString utcText(const QDateTime &at);

} // namespace jb
