#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace jb {

// A parsed JSON or YAML document that remembers the order keys were written in: QJsonObject keeps
// its keys sorted, but a contract's fields should follow the document (an OpenAPI schema, an
// example message). Objects are addressed by JSON Pointer ("/components/schemas/Address").
struct OrderedJson
{
    QJsonValue root;
    QHash<QString, QStringList> keyOrder; // pointer of an object -> its keys as written

    // JSON or YAML (JSON is read by the YAML parser, which keeps the order; should it refuse a
    // JSON text, QJsonDocument reads it, without the order). Errors carry line and column.
    static Result<OrderedJson> parse(const QByteArray &text);
    static OrderedJson fromValue(const QJsonValue &value);

    // The keys of `object` (found at `pointer`) in document order; unknown ones sorted after.
    QStringList keys(const QString &pointer, const QJsonObject &object) const;
    // The value at a JSON Pointer ("" is the root); undefined when it leads nowhere.
    QJsonValue at(const QString &pointer) const;

    static QString child(const QString &pointer, const QString &key);
    static QString child(const QString &pointer, qsizetype index);
};

} // namespace jb
