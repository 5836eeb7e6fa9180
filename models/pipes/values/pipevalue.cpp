#include "pipevalue.h"

#include <algorithm>
#include <cmath>

namespace jb {

namespace {

const PipeValue::Array emptyArray;
const PipeValue::Object emptyObject;

} // namespace

PipeValue PipeValue::array(Array elements)
{
    PipeValue value;
    value.m_data = std::make_shared<ArrayData>(ArrayData{std::move(elements), {}});
    return value;
}

bool PipeValue::isIndexKey(QStringView key)
{
    if (key.isEmpty() || key.size() > 10 || (key.size() > 1 && key.at(0) == u'0'))
        return false;
    quint64 n = 0;
    for (const QChar c : key) {
        if (c < u'0' || c > u'9')
            return false;
        n = n * 10 + (c.unicode() - u'0');
    }
    return n < 4294967295ull;
}

namespace {

quint64 indexOf(const QString &key)
{
    return key.toULongLong();
}

// Where a new member with `key` goes: index keys among the leading index keys, by value.
size_t insertionPoint(const PipeValue::Object &members, const QString &key)
{
    if (!PipeValue::isIndexKey(key))
        return members.size();
    const quint64 n = indexOf(key);
    size_t at = 0;
    while (at < members.size() && PipeValue::isIndexKey(members[at].first) && indexOf(members[at].first) < n)
        ++at;
    return at;
}

} // namespace

PipeValue PipeValue::object(Object members)
{
    if (std::any_of(members.cbegin(), members.cend(), [](const Member &m) { return isIndexKey(m.first); })) {
        Object ordered;
        ordered.reserve(members.size());
        for (Member &m : members)
            ordered.insert(ordered.begin() + qsizetype(insertionPoint(ordered, m.first)), std::move(m));
        members = std::move(ordered);
    }
    PipeValue value;
    value.m_data = std::make_shared<ObjectData>(ObjectData{std::move(members), {}});
    return value;
}

PipeValue PipeValue::script(QJSValue value)
{
    PipeValue result;
    result.m_data = ScriptData{std::move(value)};
    return result;
}

bool PipeValue::toBool() const
{
    switch (type()) {
    case Type::Undefined:
    case Type::Null:
        return false;
    case Type::Bool:
        return boolean();
    case Type::Number:
        return number() != 0 && !std::isnan(number());
    case Type::String:
        return !string().isEmpty();
    case Type::Array:
    case Type::Object:
        return true;
    case Type::Script:
        return scriptValue().toBool();
    }
    return false;
}

const PipeValue::Array &PipeValue::elements() const
{
    const auto *data = std::get_if<std::shared_ptr<ArrayData>>(&m_data);
    return data ? (*data)->elements : emptyArray;
}

const PipeValue::Object &PipeValue::members() const
{
    const auto *data = std::get_if<std::shared_ptr<ObjectData>>(&m_data);
    return data ? (*data)->members : emptyObject;
}

PipeValue PipeValue::member(QStringView key) const
{
    for (const Member &m : members()) {
        if (m.first == key)
            return m.second;
    }
    return {};
}

bool PipeValue::hasMember(QStringView key) const
{
    for (const Member &m : members()) {
        if (m.first == key)
            return true;
    }
    return false;
}

void PipeValue::set(const QString &key, PipeValue value)
{
    if (isUndefined())
        *this = object();
    auto &data = std::get<std::shared_ptr<ObjectData>>(m_data);
    if (data.use_count() > 1)
        data = std::make_shared<ObjectData>(ObjectData{data->members, {}});
    else
        data->script = QJSValue(); // the converted copy no longer says the same
    for (Member &m : data->members) {
        if (m.first == key) {
            m.second = std::move(value);
            return;
        }
    }
    data->members.emplace(data->members.begin() + qsizetype(insertionPoint(data->members, key)), key, std::move(value));
}

void PipeValue::append(PipeValue element)
{
    if (isUndefined())
        *this = array();
    auto &data = std::get<std::shared_ptr<ArrayData>>(m_data);
    if (data.use_count() > 1)
        data = std::make_shared<ArrayData>(ArrayData{data->elements, {}});
    else
        data->script = QJSValue();
    data->elements.push_back(std::move(element));
}

bool PipeValue::isSameNode(const PipeValue &other) const
{
    if (type() != other.type())
        return false;
    if (const auto *a = std::get_if<std::shared_ptr<ArrayData>>(&m_data))
        return *a == std::get<std::shared_ptr<ArrayData>>(other.m_data);
    if (const auto *o = std::get_if<std::shared_ptr<ObjectData>>(&m_data))
        return *o == std::get<std::shared_ptr<ObjectData>>(other.m_data);
    return false;
}

QJSValue *PipeValue::scriptCache() const
{
    if (const auto *a = std::get_if<std::shared_ptr<ArrayData>>(&m_data))
        return &(*a)->script;
    if (const auto *o = std::get_if<std::shared_ptr<ObjectData>>(&m_data))
        return &(*o)->script;
    return nullptr;
}

} // namespace jb
