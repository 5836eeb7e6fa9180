#include "fieldvalidator.h"

#include <QDate>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"null"_s;
    }
}

FieldType itemTypeOf(FieldType listType)
{
    switch (listType) {
    case FieldType::IpList:
        return FieldType::Ip;
    case FieldType::CidrList:
        return FieldType::Cidr;
    case FieldType::ReferenceList:
        return FieldType::Reference;
    default:
        return FieldType::Text;
    }
}

bool isEmptyValue(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())
        || (value.isArray() && value.toArray().isEmpty());
}

} // namespace

QString FieldValidator::typeError(const FieldSpec &field, const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    QString expected;
    bool fits = false;
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Port:
        fits = value.isDouble() && value.toDouble() == static_cast<double>(value.toInteger());
        expected = u"a whole number"_s;
        break;
    case FieldType::Bool:
        fits = value.isBool();
        expected = u"true or false"_s;
        break;
    case FieldType::IpList:
    case FieldType::CidrList:
    case FieldType::TextList:
    case FieldType::ReferenceList: {
        fits = value.isArray();
        for (const QJsonValue &item : value.toArray())
            fits = fits && item.isString();
        expected = u"an array of strings"_s;
        break;
    }
    case FieldType::ObjectList: {
        fits = value.isArray();
        for (const QJsonValue &item : value.toArray())
            fits = fits && item.isObject();
        expected = u"an array of objects"_s;
        break;
    }
    default:
        fits = value.isString();
        expected = u"a string"_s;
    }
    if (fits)
        return {};
    return u"\"%1\" must be %2, not %3"_s.arg(field.key, expected, jsonTypeName(value));
}

QString FieldValidator::valueError(const FieldSpec &field, const QJsonValue &value)
{
    if (isEmptyValue(value))
        return field.required ? u"%1 is required"_s.arg(field.label) : QString();
    if (const QString error = typeError(field, value); !error.isEmpty())
        return error;
    if (field.isList()) {
        if (field.type == FieldType::ObjectList)
            return {}; // items are checked one by one, each with its own path
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (const QString error = scalarError(field, itemTypeOf(field.type), items.at(i));
                !error.isEmpty())
                return u"item %1: %2"_s.arg(i + 1).arg(error);
        }
        return {};
    }
    return scalarError(field, field.type, value);
}

QString FieldValidator::scalarError(const FieldSpec &field, FieldType type, const QJsonValue &value)
{
    const QString text = value.toString();
    switch (type) {
    case FieldType::Id:
        return isId(text) ? QString()
                          : u"\"%1\" is not an id: use lower-case letters, digits and dashes"_s.arg(text);
    case FieldType::Text:
    case FieldType::LongText:
        return {};
    case FieldType::Integer:
        return value.toInteger() < 0 ? u"%1 must not be negative"_s.arg(field.label) : QString();
    case FieldType::Port: {
        const qint64 port = value.toInteger();
        return port >= 1 && port <= 65535 ? QString() : u"%1 is not a port: use 1 to 65535"_s.arg(port);
    }
    case FieldType::Bool:
        return {};
    case FieldType::Enum:
        return field.choices.contains(text)
            ? QString()
            : u"\"%1\" is not one of: %2"_s.arg(text, field.choices.join(u", "_s));
    case FieldType::Ip:
        return isIpAddress(text) ? QString()
                                 : u"\"%1\" is not an IP address (e.g. 10.0.0.5 or fd00::5)"_s.arg(text);
    case FieldType::Cidr:
        return isCidr(text) ? QString()
                            : u"\"%1\" is not a network in CIDR form (e.g. 10.0.0.0/24)"_s.arg(text);
    case FieldType::Host:
        return isHost(text) ? QString() : u"\"%1\" is neither a host name nor an IP address"_s.arg(text);
    case FieldType::Url:
        return urlError(text);
    case FieldType::Email:
        return isEmail(text) ? QString() : u"\"%1\" is not an e-mail address"_s.arg(text);
    case FieldType::Date:
        return QDate::fromString(text, Qt::ISODate).isValid()
            ? QString()
            : u"\"%1\" is not a date (yyyy-mm-dd)"_s.arg(text);
    case FieldType::DateTime:
        return QDateTime::fromString(text, Qt::ISODate).isValid()
            ? QString()
            : u"\"%1\" is not a date and time (ISO 8601)"_s.arg(text);
    case FieldType::Regex: {
        const QRegularExpression expression(text);
        return expression.isValid()
            ? QString()
            : u"\"%1\" is not a valid regular expression: %2 at offset %3"_s.arg(
                text, expression.errorString(), QString::number(expression.patternErrorOffset()));
    }
    case FieldType::Reference:
        return isId(text) ? QString() : u"\"%1\" is not an id"_s.arg(text);
    default:
        return {};
    }
}

bool FieldValidator::isIpAddress(const QString &text)
{
    // QHostAddress accepts shorthand such as "10.1" and "1"; an inventory wants the full form.
    static const QRegularExpression ipv4(
        u"^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$"_s);
    if (ipv4.match(text).hasMatch())
        return true;
    // QHostAddress also ignores surrounding blanks, which an inventory must not keep
    const bool blank = std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
    QHostAddress address;
    return !blank && text.contains(u':') && address.setAddress(text)
        && address.protocol() == QAbstractSocket::IPv6Protocol;
}

bool FieldValidator::isCidr(const QString &text)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return false;
    const QString address = text.left(slash);
    // digits only: toInt() alone would also take "+8", " 8" and "08"
    static const QRegularExpression digits(u"^(0|[1-9][0-9]{0,2})$"_s);
    const QString prefixText = text.mid(slash + 1);
    if (!digits.match(prefixText).hasMatch() || !isIpAddress(address))
        return false;
    const int prefix = prefixText.toInt();
    const int maxPrefix = address.contains(u':') ? 128 : 32;
    return prefix >= 0 && prefix <= maxPrefix;
}

bool FieldValidator::isHost(const QString &text)
{
    if (isIpAddress(text))
        return true;
    static const QRegularExpression name(
        u"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"_s);
    // a name made only of digits and dots is a mistyped address, not a host name
    static const QRegularExpression numeric(u"^[0-9.]+$"_s);
    return name.match(text).hasMatch() && !numeric.match(text).hasMatch();
}

bool FieldValidator::isUrl(const QString &text)
{
    return urlError(text).isEmpty();
}

QString FieldValidator::urlError(const QString &text)
{
    static const QStringList schemes
        = {u"http"_s, u"https"_s, u"ws"_s, u"wss"_s, u"ftp"_s, u"ftps"_s, u"sftp"_s};
    // QUrl says only "invalid"; splitting the URL ourselves lets the message name the part to fix
    static const QRegularExpression shape(u"^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(.*)$"_s);
    const QRegularExpressionMatch parts = shape.match(text);
    if (!parts.hasMatch()) {
        return u"\"%1\" is not an absolute URL: start it with a scheme such as https:// "
               "(http, https, ws, wss, ftp, ftps or sftp)"_s.arg(text);
    }
    const QString scheme = parts.captured(1).toLower();
    if (!schemes.contains(scheme)) {
        return u"\"%1\" is not a URL this project can use: the scheme \"%2\" is not one of "
               "http, https, ws, wss, ftp, ftps or sftp"_s.arg(text, parts.captured(1));
    }
    QString authority = parts.captured(2);
    authority = authority.mid(authority.lastIndexOf(u'@') + 1); // user info is not checked here
    QString host = authority;
    QString port;
    if (authority.startsWith(u'[')) {
        const qsizetype close = authority.indexOf(u']');
        host = close < 0 ? authority.mid(1) : authority.mid(1, close - 1);
        const QString rest = close < 0 ? QString() : authority.mid(close + 1);
        if (rest.startsWith(u':'))
            port = rest.mid(1);
    } else if (const qsizetype colon = authority.lastIndexOf(u':'); colon >= 0) {
        host = authority.left(colon);
        port = authority.mid(colon + 1);
    }

    QStringList reasons;
    if (host.isEmpty())
        reasons << u"it has no host"_s;
    else if (std::any_of(host.cbegin(), host.cend(), [](QChar c) { return c.isSpace(); }))
        reasons << u"the host \"%1\" has a space"_s.arg(host);
    else if (!isHost(host))
        reasons << u"\"%1\" is neither a host name nor an IP address"_s.arg(host);
    if (authority.endsWith(u':') || !port.isEmpty()) {
        bool isNumber = false;
        const int number = port.toInt(&isNumber);
        static const QRegularExpression digits(u"^[0-9]{1,5}$"_s);
        if (!digits.match(port).hasMatch() || !isNumber || number < 1 || number > 65535)
            reasons << u"the port \"%1\" must be 1–65535"_s.arg(port);
    }
    if (reasons.isEmpty() && !QUrl(text, QUrl::StrictMode).isValid()) {
        reasons << u"the path or query has a character that must be percent-encoded (a space is %20)"_s;
    }
    if (reasons.isEmpty())
        return {};
    return u"\"%1\" is not a valid URL: %2"_s.arg(text, reasons.join(u"; "_s));
}

bool FieldValidator::isEmail(const QString &text)
{
    static const QRegularExpression email(u"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$"_s);
    return email.match(text).hasMatch();
}

bool FieldValidator::isId(const QString &text)
{
    static const QRegularExpression id(u"^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$"_s);
    return id.match(text).hasMatch();
}

} // namespace jb
