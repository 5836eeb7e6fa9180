#include "jsonwriter.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// One write of a QJsonValue into a stream, asking for the key order of each schema path once
// (siblings in an array share their path, and the order is a function of the path alone).
class Walker final
{
public:
    Walker(JsonStream &stream, const JsonWriter::KeyOrder &order)
        : m_stream(stream)
        , m_order(order)
    { }

    void value(const QJsonValue &value, const QString &schemaPath)
    {
        switch (value.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            m_stream.null();
            break;
        case QJsonValue::Bool:
            m_stream.boolean(value.toBool());
            break;
        case QJsonValue::Double:
            m_stream.number(value.toDouble());
            break;
        case QJsonValue::String:
            m_stream.string(value.toString());
            break;
        case QJsonValue::Array:
            array(value.toArray(), schemaPath);
            break;
        case QJsonValue::Object:
            object(value.toObject(), schemaPath);
            break;
        }
    }

private:
    void array(const QJsonArray &array, const QString &schemaPath)
    {
        m_stream.beginArray();
        for (const QJsonValue &item : array)
            value(item, schemaPath);
        m_stream.endArray();
    }

    void object(const QJsonObject &object, const QString &schemaPath)
    {
        const QStringList preferred = preferredKeys(schemaPath); // a copy: the cache may grow below
        m_stream.beginObject();
        const auto member = [&](const QString &key, const QJsonValue &child) {
            m_stream.key(key);
            // only objects and arrays below have a key order to look up
            const bool nested = child.isObject() || child.isArray();
            const QString childPath
                = !m_order || !nested ? QString() : (schemaPath.isEmpty() ? key : schemaPath + u'/' + key);
            value(child, childPath);
        };
        // the preferred keys first, then the rest as QJsonObject iterates them: sorted
        for (const QString &key : preferred) {
            const auto found = object.constFind(key);
            if (found != object.constEnd())
                member(key, found.value());
        }
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString key = it.key();
            if (!preferred.contains(key))
                member(key, it.value());
        }
        m_stream.endObject();
    }

    QStringList preferredKeys(const QString &schemaPath)
    {
        if (!m_order)
            return {};
        auto found = m_cache.constFind(schemaPath);
        if (found == m_cache.constEnd())
            found = m_cache.insert(schemaPath, m_order(schemaPath));
        return found.value();
    }

    JsonStream &m_stream;
    const JsonWriter::KeyOrder &m_order;
    QHash<QString, QStringList> m_cache;
};

} // namespace

QByteArray JsonWriter::write(const QJsonValue &value, const KeyOrder &order)
{
    JsonStream stream;
    write(stream, value, order);
    return stream.take();
}

void JsonWriter::write(JsonStream &stream, const QJsonValue &value, const KeyOrder &order)
{
    Walker(stream, order).value(value, QString());
}

QStringList JsonWriter::orderedKeys(const QJsonObject &object, const QStringList &preferred)
{
    QStringList keys;
    keys.reserve(object.size());
    for (const QString &key : preferred) {
        if (object.contains(key))
            keys.append(key);
    }
    // QJsonObject iterates its keys sorted, so the rest come alphabetically.
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!preferred.contains(it.key()))
            keys.append(it.key());
    }
    return keys;
}

} // namespace jb
