#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

QByteArray JsonWriter::write(const QJsonValue &value, const KeyOrder &order)
{
    QByteArray out;
    out.reserve(1024);
    writeValue(out, value, order, QString(), 0);
    out += '\n';
    return out;
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

void JsonWriter::writeValue(
    QByteArray &out, const QJsonValue &value, const KeyOrder &order, const QString &schemaPath, int depth)
{
    const qsizetype indent = 2 * (depth + 1);
    const qsizetype closingIndent = 2 * depth;
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        writeNumber(out, value.toDouble());
        break;
    case QJsonValue::String:
        writeString(out, value.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out += "[]";
            break;
        }
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            out.append(indent, ' ');
            writeValue(out, array.at(i), order, schemaPath, depth + 1);
            out += i + 1 < array.size() ? ",\n" : "\n";
        }
        out.append(closingIndent, ' ');
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out += "{}";
            break;
        }
        const QStringList preferred = order ? order(schemaPath) : QStringList();
        out += "{\n";
        bool first = true;
        const auto writeMember = [&](const QString &key, const QJsonValue &member) {
            if (!first)
                out += ",\n";
            first = false;
            out.append(indent, ' ');
            writeString(out, key);
            out += ": ";
            // the path only matters to a key order; without one, no string is built per key
            const QString childPath
                = !order ? QString() : (schemaPath.isEmpty() ? key : schemaPath + u'/' + key);
            writeValue(out, member, order, childPath, depth + 1);
        };
        // the preferred keys first, then the rest as QJsonObject iterates them: sorted
        for (const QString &key : preferred) {
            const auto found = object.constFind(key);
            if (found != object.constEnd())
                writeMember(key, found.value());
        }
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!preferred.contains(it.key()))
                writeMember(it.key(), it.value());
        }
        out += '\n';
        out.append(closingIndent, ' ');
        out += '}';
        break;
    }
    }
}

void JsonWriter::writeString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    const bool plain = std::none_of(utf8.cbegin(), utf8.cend(),
        [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; });
    if (plain) { // most strings: one append
        out += utf8;
        out += '"';
        return;
    }
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (byte < 0x20) {
                out += "\\u00";
                out += QByteArray::number(byte, 16).rightJustified(2, '0');
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void JsonWriter::writeNumber(QByteArray &out, double number)
{
    if (!std::isfinite(number)) {
        out += "null"; // JSON has no NaN or infinity
        return;
    }
    constexpr double exactIntegerLimit = 9007199254740992.0; // 2^53
    if (number == std::floor(number) && std::fabs(number) < exactIntegerLimit) {
        out += QByteArray::number(static_cast<qint64>(number));
        return;
    }
    out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
}

} // namespace jb
