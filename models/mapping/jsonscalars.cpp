#include "jsonscalars.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

QString JsonScalars::text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::trunc(number) == number && std::fabs(number) < 9007199254740992.0)
            return QString::number(static_cast<qint64>(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    default:
        return {};
    }
}

bool JsonScalars::isEmpty(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty());
}

QJsonValue JsonScalars::coerce(const QJsonValue &value, const QString &type)
{
    if (value.isUndefined() || value.isNull())
        return value;
    if (type == u"string" || type == u"date" || type == u"datetime") {
        if (value.isDouble() || value.isBool())
            return text(value);
        return value;
    }
    if (type == u"integer" || type == u"number") {
        if (!value.isString())
            return value;
        const QString trimmed = value.toString().trimmed();
        bool ok = false;
        if (type == u"integer") {
            const qint64 number = trimmed.toLongLong(&ok);
            return ok ? QJsonValue(number) : value;
        }
        const double number = trimmed.toDouble(&ok);
        return ok && std::isfinite(number) ? QJsonValue(number) : value;
    }
    if (type == u"boolean") {
        const QString t = text(value).trimmed().toLower();
        if (t == u"true" || t == u"1")
            return true;
        if (t == u"false" || t == u"0")
            return false;
    }
    return value;
}

} // namespace jb
