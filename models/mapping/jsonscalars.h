#pragma once

#include <QJsonValue>
#include <QString>

namespace jb {

// How the mapping engine reads and converts single JSON values.
class JsonScalars final
{
public:
    // The text of a scalar: numbers without a needless ".0", booleans as true/false, null as "".
    static QString text(const QJsonValue &value);
    // Missing, null or "".
    static bool isEmpty(const QJsonValue &value);
    // The value in the JSON type a contract field declares, when that loses nothing ("1001" for an
    // integer field becomes 1001, 1001 for a string field "1001"); otherwise the value unchanged, for
    // validation to report.
    static QJsonValue coerce(const QJsonValue &value, const QString &type);
};

} // namespace jb
