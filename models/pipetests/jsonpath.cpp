#include "jsonpath.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

bool plainKeyChar(QChar c)
{
    return c != u'.' && c != u'[' && c != u']' && c != u'"' && !c.isSpace();
}

} // namespace

Result<JsonPath> JsonPath::parse(const QString &text)
{
    JsonPath path;
    path.m_text = text;
    const auto bad = [&text](qsizetype at, const QString &why) {
        return Result<JsonPath>::failure(
            Error::Code::Parse, u"path \"%1\": %2 at character %3"_s.arg(text, why).arg(at + 1));
    };
    qsizetype at = 0;
    if (text.startsWith(u'$'))
        at = text.size() > 1 && text.at(1) == u'.' ? 2 : 1;
    if (at == 0 && text.isEmpty())
        return bad(0, u"is empty (write $ for the whole value)"_s);
    bool expectKey = at != 1; // after "$" only "[" or "." may follow, and "." was consumed with it
    while (at < text.size()) {
        const QChar c = text.at(at);
        if (c == u'[') {
            const qsizetype close = text.indexOf(u']', at);
            if (close < 0)
                return bad(at, u"an opening [ without its ]"_s);
            const QString inside = text.mid(at + 1, close - at - 1);
            if (inside.size() >= 2 && inside.startsWith(u'"') && inside.endsWith(u'"')) {
                path.m_segments.append(inside.mid(1, inside.size() - 2));
            } else {
                bool ok = false;
                const qsizetype index = inside.toLongLong(&ok);
                if (!ok || index < 0)
                    return bad(at, u"[%1] is neither an index nor a quoted key"_s.arg(inside));
                path.m_segments.append(QVariant::fromValue(index));
            }
            at = close + 1;
            expectKey = false;
            continue;
        }
        if (c == u'.') {
            if (expectKey)
                return bad(at, u"an empty key"_s);
            expectKey = true;
            ++at;
            continue;
        }
        if (!expectKey)
            return bad(at, u"a key must follow a dot"_s);
        qsizetype end = at;
        while (end < text.size() && plainKeyChar(text.at(end)))
            ++end;
        if (end == at)
            return bad(at, u"unexpected \"%1\""_s.arg(c));
        path.m_segments.append(text.mid(at, end - at));
        at = end;
        expectKey = false;
    }
    if (expectKey && !path.m_segments.isEmpty())
        return bad(text.size() - 1, u"ends with a dot"_s);
    return path;
}

std::optional<QJsonValue> JsonPath::find(const QJsonValue &root) const
{
    QJsonValue value = root;
    for (const QVariant &segment : m_segments) {
        if (segment.typeId() == QMetaType::QString) {
            const QJsonObject object = value.toObject();
            const auto found = object.constFind(segment.toString());
            if (!value.isObject() || found == object.constEnd())
                return std::nullopt;
            value = *found;
        } else {
            const QJsonArray array = value.toArray();
            const qsizetype index = segment.value<qsizetype>();
            if (!value.isArray() || index >= array.size())
                return std::nullopt;
            value = array.at(index);
        }
    }
    return value;
}

QJsonValue JsonPath::removed(const QJsonValue &value, const QList<QVariant> &segments, qsizetype at)
{
    const QVariant &segment = segments.at(at);
    const bool last = at == segments.size() - 1;
    if (segment.typeId() == QMetaType::QString && value.isObject()) {
        QJsonObject object = value.toObject();
        const QString key = segment.toString();
        if (!object.contains(key))
            return value;
        if (last)
            object.remove(key);
        else
            object.insert(key, removed(object.value(key), segments, at + 1));
        return object;
    }
    if (segment.typeId() != QMetaType::QString && value.isArray()) {
        QJsonArray array = value.toArray();
        const qsizetype index = segment.value<qsizetype>();
        if (index >= array.size())
            return value;
        if (last)
            array.removeAt(index);
        else
            array.replace(index, removed(array.at(index), segments, at + 1));
        return array;
    }
    return value;
}

QJsonValue JsonPath::removedFrom(const QJsonValue &root) const
{
    return m_segments.isEmpty() ? QJsonValue() : removed(root, m_segments, 0);
}

QString JsonPath::join(const QString &parent, const QString &key)
{
    bool plain = !key.isEmpty();
    for (const QChar c : key)
        plain = plain && plainKeyChar(c);
    if (!plain)
        return parent + u"[\""_s + key + u"\"]"_s;
    return parent.isEmpty() || parent == u"$" ? key : parent + u'.' + key;
}

QString JsonPath::join(const QString &parent, qsizetype index)
{
    return (parent.isEmpty() ? u"$"_s : parent) + u'[' + QString::number(index) + u']';
}

} // namespace jb
