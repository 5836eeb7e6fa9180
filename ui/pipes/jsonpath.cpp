#include "jsonpath.h"

#include <QJsonArray>
#include <QJsonObject>

namespace jb {

QJsonValue JsonPath::valueAt(const QJsonValue &root, const QStringList &path)
{
    QJsonValue value = root;
    for (const QString &part : path) {
        if (value.isArray()) {
            bool ok = false;
            const int index = part.toInt(&ok);
            value = ok ? value.toArray().at(index) : QJsonValue(QJsonValue::Undefined);
        } else {
            value = value.toObject().value(part);
        }
    }
    return value;
}

QJsonValue JsonPath::withValueAt(const QJsonValue &root, const QStringList &path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString &head = path.constFirst();
    const QStringList rest = path.mid(1);
    if (root.isArray()) {
        QJsonArray array = root.toArray();
        bool ok = false;
        const int index = head.toInt(&ok);
        if (!ok || index < 0 || index >= array.size())
            return root;
        if (rest.isEmpty() && value.isUndefined())
            array.removeAt(index);
        else
            array.replace(index, withValueAt(array.at(index), rest, value));
        return array;
    }
    QJsonObject object = root.toObject();
    const QJsonValue next = withValueAt(object.value(head), rest, value);
    if (next.isUndefined())
        object.remove(head);
    else
        object.insert(head, next);
    return object;
}

} // namespace jb
