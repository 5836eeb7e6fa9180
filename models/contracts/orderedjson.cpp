#include "orderedjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr int maxDepth = 256; // aliases can make a YAML graph deeper than its text

QJsonValue plainScalar(const std::string &text)
{
    const QString value = QString::fromStdString(text);
    static const QRegularExpression integer(u"^[-+]?(0|[1-9][0-9]*)$"_s);
    static const QRegularExpression real(u"^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"_s);
    if (value.isEmpty() || value == u"~" || value == u"null" || value == u"Null" || value == u"NULL")
        return QJsonValue(QJsonValue::Null);
    if (value == u"true" || value == u"True" || value == u"TRUE")
        return true;
    if (value == u"false" || value == u"False" || value == u"FALSE")
        return false;
    if (integer.match(value).hasMatch()) {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (ok)
            return number;
    }
    if (real.match(value).hasMatch())
        return value.toDouble();
    return value;
}

struct Converter
{
    QHash<QString, QStringList> order;

    QJsonValue convert(const YAML::Node &node, const QString &pointer, int depth)
    {
        if (depth > maxDepth)
            throw std::runtime_error("the document nests deeper than 256 levels (a cycle of aliases?)");
        switch (node.Type()) {
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            return QJsonValue(QJsonValue::Null);
        case YAML::NodeType::Scalar:
            // a quoted scalar ("!" tag) is always text; a plain one may be a number, bool or null
            if (node.Tag() == "!")
                return QString::fromStdString(node.Scalar());
            return plainScalar(node.Scalar());
        case YAML::NodeType::Sequence: {
            QJsonArray array;
            qsizetype index = 0;
            for (const YAML::Node &item : node)
                array.append(convert(item, OrderedJson::child(pointer, index++), depth + 1));
            return array;
        }
        case YAML::NodeType::Map: {
            QJsonObject object;
            QStringList keys;
            for (const auto &entry : node) {
                const QString key = QString::fromStdString(entry.first.as<std::string>());
                keys.append(key);
                object.insert(key, convert(entry.second, OrderedJson::child(pointer, key), depth + 1));
            }
            order.insert(pointer, keys);
            return object;
        }
        }
        return QJsonValue(QJsonValue::Null);
    }
};

} // namespace

Result<OrderedJson> OrderedJson::parse(const QByteArray &text)
{
    try {
        const YAML::Node node = YAML::Load(text.toStdString());
        Converter converter;
        OrderedJson document;
        document.root = converter.convert(node, QString(), 0);
        document.keyOrder = std::move(converter.order);
        return document;
    } catch (const YAML::Exception &error) {
        QJsonParseError jsonError;
        const QJsonDocument json = QJsonDocument::fromJson(text, &jsonError);
        if (jsonError.error == QJsonParseError::NoError)
            return fromValue(json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object()));
        return Result<OrderedJson>::failure(Error::Code::Parse,
            u"line %1, column %2: %3"_s.arg(error.mark.line + 1)
                .arg(error.mark.column + 1)
                .arg(QString::fromStdString(error.msg)));
    } catch (const std::exception &error) {
        return Result<OrderedJson>::failure(Error::Code::Parse, QString::fromStdString(error.what()));
    }
}

OrderedJson OrderedJson::fromValue(const QJsonValue &value)
{
    OrderedJson document;
    document.root = value;
    return document;
}

QStringList OrderedJson::keys(const QString &pointer, const QJsonObject &object) const
{
    const auto found = keyOrder.constFind(pointer);
    if (found == keyOrder.constEnd())
        return object.keys();
    QStringList keys;
    for (const QString &key : *found) {
        if (object.contains(key) && !keys.contains(key))
            keys.append(key);
    }
    for (const QString &key : object.keys()) {
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}

QJsonValue OrderedJson::at(const QString &pointer) const
{
    if (pointer.isEmpty())
        return root;
    if (!pointer.startsWith(u'/'))
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue node = root;
    for (QString part : pointer.mid(1).split(u'/')) {
        part.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        if (node.isObject()) {
            const QJsonObject object = node.toObject();
            if (!object.contains(part))
                return QJsonValue(QJsonValue::Undefined);
            node = object.value(part);
        } else if (node.isArray()) {
            bool ok = false;
            const qsizetype index = part.toLongLong(&ok);
            const QJsonArray array = node.toArray();
            if (!ok || index < 0 || index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            node = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return node;
}

QString OrderedJson::child(const QString &pointer, const QString &key)
{
    QString escaped = key;
    escaped.replace(u"~"_s, u"~0"_s).replace(u"/"_s, u"~1"_s);
    return pointer + u'/' + escaped;
}

QString OrderedJson::child(const QString &pointer, qsizetype index)
{
    return pointer + u'/' + QString::number(index);
}

} // namespace jb
