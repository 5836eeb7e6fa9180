#include "jsonwriter.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// One write: the bytes so far, and the key order of each schema path asked for once (siblings in
// an array share their path, and the order is a function of the path alone).
class Output final
{
public:
    explicit Output(const JsonWriter::KeyOrder &order)
        : m_order(order)
    {
        m_bytes.reserve(1024);
    }

    QByteArray take() { return std::move(m_bytes); }

    void value(const QJsonValue &value, const QString &schemaPath, int depth)
    {
        switch (value.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            m_bytes += "null";
            break;
        case QJsonValue::Bool:
            m_bytes += value.toBool() ? "true" : "false";
            break;
        case QJsonValue::Double:
            number(value.toDouble());
            break;
        case QJsonValue::String:
            string(value.toString());
            break;
        case QJsonValue::Array:
            array(value.toArray(), schemaPath, depth);
            break;
        case QJsonValue::Object:
            object(value.toObject(), schemaPath, depth);
            break;
        }
    }

private:
    void array(const QJsonArray &array, const QString &schemaPath, int depth)
    {
        if (array.isEmpty()) {
            m_bytes += "[]";
            return;
        }
        m_bytes += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            m_bytes.append(2 * (depth + 1), ' ');
            value(array.at(i), schemaPath, depth + 1);
            m_bytes += i + 1 < array.size() ? ",\n" : "\n";
        }
        m_bytes.append(2 * depth, ' ');
        m_bytes += ']';
    }

    void object(const QJsonObject &object, const QString &schemaPath, int depth)
    {
        if (object.isEmpty()) {
            m_bytes += "{}";
            return;
        }
        const QStringList preferred = preferredKeys(schemaPath); // a copy: the cache may grow below
        m_bytes += "{\n";
        bool first = true;
        const auto member = [&](const QString &key, const QJsonValue &child) {
            if (!first)
                m_bytes += ",\n";
            first = false;
            m_bytes.append(2 * (depth + 1), ' ');
            string(key);
            m_bytes += ": ";
            // only objects and arrays below have a key order to look up
            const bool nested = child.isObject() || child.isArray();
            const QString childPath
                = !m_order || !nested ? QString() : (schemaPath.isEmpty() ? key : schemaPath + u'/' + key);
            value(child, childPath, depth + 1);
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
        m_bytes += '\n';
        m_bytes.append(2 * depth, ' ');
        m_bytes += '}';
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

    void string(const QString &text)
    {
        m_bytes += '"';
        // ASCII without anything to escape (most keys and values) is copied as it is
        const qsizetype start = m_bytes.size();
        m_bytes.resize(start + text.size());
        char *to = m_bytes.data() + start;
        for (const QChar c : text) {
            const char16_t unit = c.unicode();
            if (unit >= 0x80 || unit < 0x20 || unit == u'"' || unit == u'\\') {
                m_bytes.truncate(start);
                escaped(text);
                return;
            }
            *to++ = static_cast<char>(unit);
        }
        m_bytes += '"';
    }

    void escaped(const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        for (const char c : utf8) {
            const auto byte = static_cast<unsigned char>(c);
            switch (c) {
            case '"':
                m_bytes += "\\\"";
                break;
            case '\\':
                m_bytes += "\\\\";
                break;
            case '\b':
                m_bytes += "\\b";
                break;
            case '\f':
                m_bytes += "\\f";
                break;
            case '\n':
                m_bytes += "\\n";
                break;
            case '\r':
                m_bytes += "\\r";
                break;
            case '\t':
                m_bytes += "\\t";
                break;
            default:
                if (byte < 0x20) {
                    m_bytes += "\\u00";
                    m_bytes += QByteArray::number(byte, 16).rightJustified(2, '0');
                } else {
                    m_bytes += c;
                }
            }
        }
        m_bytes += '"';
    }

    void number(double number)
    {
        if (!std::isfinite(number)) {
            m_bytes += "null"; // JSON has no NaN or infinity
            return;
        }
        constexpr double exactIntegerLimit = 9007199254740992.0; // 2^53
        if (number == std::floor(number) && std::fabs(number) < exactIntegerLimit) {
            m_bytes += QByteArray::number(static_cast<qint64>(number));
            return;
        }
        m_bytes += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
    }

    const JsonWriter::KeyOrder &m_order;
    QByteArray m_bytes;
    QHash<QString, QStringList> m_cache;
};

} // namespace

QByteArray JsonWriter::write(const QJsonValue &value, const KeyOrder &order)
{
    Output output(order);
    output.value(value, QString(), 0);
    QByteArray bytes = output.take();
    bytes += '\n';
    return bytes;
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
