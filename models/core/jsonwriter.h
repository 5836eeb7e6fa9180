#pragma once

#include "jsonstream.h"

#include <QByteArray>
#include <QJsonValue>
#include <QStringList>

#include <functional>

namespace jb {

// Writes JSON the way project files are kept in git: two-space indent, one key per line, keys in a
// stable order (the schema's order first, then any other key alphabetically), UTF-8 text unescaped,
// a trailing newline. The same value always gives the same bytes.
class JsonWriter final
{
public:
    // Returns the preferred key order for the object at `schemaPath`, the keys from the root to the
    // object joined by '/' with array indices left out ("" is the root, "fields" an item of fields).
    // A function of the path alone: one write asks for each path once.
    using KeyOrder = std::function<QStringList(const QString &schemaPath)>;

    static QByteArray write(const QJsonValue &value, const KeyOrder &order = {});
    // Writes `value` as the next value of `stream` (a member's, once its key is written).
    static void write(JsonStream &stream, const QJsonValue &value, const KeyOrder &order = {});
    static QStringList orderedKeys(const QJsonObject &object, const QStringList &preferred);
};

} // namespace jb
