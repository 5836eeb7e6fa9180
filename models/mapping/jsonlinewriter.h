#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace jb {

// Writes one compact JSON object per line, its top-level keys in a given order (QJsonObject sorts
// them): UTF-8 unescaped, control characters escaped, numbers without needless decimals.
class JsonLineWriter final
{
public:
    static void append(QByteArray &out, const QJsonObject &object, const QStringList &order);
    static void appendValue(QByteArray &out, const QJsonValue &value);
    static void appendString(QByteArray &out, const QString &text);
};

} // namespace jb
