#include "fieldpath.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QJsonValue getAt(const QJsonValue &node, const QList<FieldPath::Token> &tokens, qsizetype index)
{
    if (index == tokens.size())
        return node;
    const FieldPath::Token &token = tokens.at(index);
    if (token.each) {
        if (!node.isArray())
            return QJsonValue(QJsonValue::Undefined);
        QJsonArray out;
        for (const QJsonValue &element : node.toArray()) {
            const QJsonValue value = getAt(element, tokens, index + 1);
            out.append(value.isUndefined() ? QJsonValue(QJsonValue::Null) : value);
        }
        return out;
    }
    if (!node.isObject())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonObject object = node.toObject();
    const auto found = object.constFind(token.key);
    if (found == object.constEnd())
        return QJsonValue(QJsonValue::Undefined);
    return getAt(*found, tokens, index + 1);
}

void setAt(QJsonValue &node, const QList<FieldPath::Token> &tokens, qsizetype index, const QJsonValue &value)
{
    if (index == tokens.size()) {
        node = value;
        return;
    }
    const FieldPath::Token &token = tokens.at(index);
    if (token.each) {
        // element-wise: the i-th value goes into the i-th element
        QJsonArray array = node.toArray();
        const QJsonArray values = value.isArray() ? value.toArray() : QJsonArray();
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QJsonValue item = values.at(i);
            if (item.isUndefined() || item.isNull())
                continue; // null is absent, in an element as in a record
            QJsonValue element = i < array.size() ? array.at(i) : QJsonValue(QJsonValue::Undefined);
            setAt(element, tokens, index + 1, item);
            if (i < array.size())
                array.replace(i, element);
            else {
                while (array.size() < i)
                    array.append(QJsonValue(QJsonValue::Null));
                array.append(element);
            }
        }
        node = array;
        return;
    }
    QJsonObject object = node.toObject();
    QJsonValue child = object.value(token.key);
    setAt(child, tokens, index + 1, value);
    object.insert(token.key, child);
    node = object;
}

} // namespace

FieldPath::FieldPath(const QString &text)
    : m_text(text)
{
    // key ( "[]" )* ( "." key ( "[]" )* )*, or a leading "[]" for a message that is an array
    m_valid = !text.isEmpty();
    qsizetype i = 0;
    bool expectKey = !text.startsWith(u"[]"_s);
    while (i < text.size() && m_valid) {
        if (expectKey) {
            qsizetype end = i;
            while (end < text.size() && text.at(end) != u'.' && text.at(end) != u'[')
                ++end;
            if (end == i) {
                m_valid = false;
                break;
            }
            m_tokens.append({text.mid(i, end - i), false});
            i = end;
            expectKey = false;
            continue;
        }
        if (text.mid(i, 2) == u"[]") {
            m_tokens.append({QString(), true});
            i += 2;
        } else if (text.at(i) == u'.') {
            ++i;
            expectKey = true;
            if (i == text.size())
                m_valid = false;
        } else {
            m_valid = false;
        }
    }
    if (!m_valid)
        m_tokens.clear();
}

bool FieldPath::hasEach() const
{
    return std::any_of(m_tokens.cbegin(), m_tokens.cend(), [](const Token &t) { return t.each; });
}

QString FieldPath::parentText() const
{
    if (m_tokens.size() <= 1)
        return {};
    QString text = m_text;
    if (m_tokens.constLast().each)
        return text.chopped(2);
    const qsizetype dot = text.lastIndexOf(u'.');
    text.truncate(dot < 0 ? 0 : dot);
    if (text.endsWith(u"[]"))
        text.chop(2);
    return text;
}

QString FieldPath::leafKey() const
{
    for (auto it = m_tokens.crbegin(); it != m_tokens.crend(); ++it) {
        if (!it->each)
            return it->key;
    }
    return {};
}

bool FieldPath::isAncestor(const QString &ancestor, const QString &descendant)
{
    if (ancestor.isEmpty() || descendant.size() <= ancestor.size() || !descendant.startsWith(ancestor))
        return false;
    const QChar next = descendant.at(ancestor.size());
    return next == u'.' || next == u'[';
}

QString FieldPath::generalise(const QString &concrete)
{
    QString out;
    out.reserve(concrete.size());
    for (qsizetype i = 0; i < concrete.size(); ++i) {
        const QChar c = concrete.at(i);
        if (c == u'[') {
            const qsizetype close = concrete.indexOf(u']', i);
            if (close < 0)
                return out + concrete.mid(i);
            out += u"[]"_s;
            i = close;
            continue;
        }
        out += c;
    }
    return out;
}

QJsonValue FieldPath::get(const QJsonValue &root) const
{
    if (!m_valid)
        return QJsonValue(QJsonValue::Undefined);
    if (isFlat()) {
        if (!root.isObject())
            return QJsonValue(QJsonValue::Undefined);
        return root.toObject().value(m_tokens.constFirst().key);
    }
    return getAt(root, m_tokens, 0);
}

void FieldPath::set(QJsonObject &root, const QJsonValue &value) const
{
    if (!m_valid || value.isUndefined())
        return;
    if (isFlat()) {
        root.insert(m_tokens.constFirst().key, value);
        return;
    }
    if (m_tokens.constFirst().each)
        return; // a message that is an array has no object root to write into
    QJsonValue node = root;
    setAt(node, m_tokens, 0, value);
    root = node.toObject();
}

} // namespace jb
