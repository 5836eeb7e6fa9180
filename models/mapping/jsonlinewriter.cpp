#include "jsonlinewriter.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace jb {

void JsonLineWriter::appendString(QByteArray &out, const QString &text)
{
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    const char *p = utf8.constData();
    const char *end = p + utf8.size();
    const char *run = p;
    static const char hex[] = "0123456789abcdef";
    for (; p < end; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(escape, 6);
        }
        }
    }
    out.append(run, end - run);
    out.append('"');
}

void JsonLineWriter::appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (!std::isfinite(number))
            out.append("null");
        else if (std::trunc(number) == number && std::fabs(number) < 9.2e18)
            out.append(QByteArray::number(value.toInteger())); // exact for the qint64 JSON keeps
        else
            out.append(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
        break;
    }
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Array: {
        out.append('[');
        bool first = true;
        for (const QJsonValue &item : value.toArray()) {
            if (!first)
                out.append(',');
            first = false;
            appendValue(out, item);
        }
        out.append(']');
        break;
    }
    case QJsonValue::Object:
        append(out, value.toObject(), {});
        break;
    default:
        out.append("null");
    }
}

void JsonLineWriter::append(QByteArray &out, const QJsonObject &object, const QStringList &order)
{
    out.append('{');
    bool first = true;
    const auto write = [&](const QString &key, const QJsonValue &value) {
        if (!first)
            out.append(',');
        first = false;
        appendString(out, key);
        out.append(':');
        appendValue(out, value);
    };
    qsizetype written = 0;
    for (const QString &key : order) {
        const auto found = object.constFind(key);
        if (found == object.constEnd())
            continue;
        write(key, *found);
        ++written;
    }
    if (written < object.size()) {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!order.contains(it.key()))
                write(it.key(), it.value());
        }
    }
    out.append('}');
}

} // namespace jb
