#pragma once

#include "core/result.h"

#include <QJsonValue>
#include <QList>
#include <QVariant>

#include <optional>

namespace jb {

// A path into a JSON value as test expectations write it: keys joined by dots, array indexes in
// brackets, keys that hold dots or brackets quoted: `body.items[0].name`, `headers.content-type`,
// `steps["viacep"].body`. A leading `$` or `$.` is allowed and means the root.
class JsonPath final
{
public:
    static Result<JsonPath> parse(const QString &text);

    QString text() const { return m_text; }
    bool isRoot() const { return m_segments.isEmpty(); }
    // The value at the path, or nullopt when some part of it does not exist.
    std::optional<QJsonValue> find(const QJsonValue &root) const;
    // `root` without the value at the path (unchanged when there is none).
    QJsonValue removedFrom(const QJsonValue &root) const;
    // The path of `child` below this one, as text: "body" + "cep" -> "body.cep", "[2]" for indexes.
    static QString join(const QString &parent, const QString &key);
    static QString join(const QString &parent, qsizetype index);

private:
    static QJsonValue removed(const QJsonValue &value, const QList<QVariant> &segments, qsizetype at);

    QString m_text;
    QList<QVariant> m_segments; // QString keys, qsizetype indexes
};

} // namespace jb
