#pragma once

#include <QJSValue>
#include <QString>

#include <memory>
#include <utility>
#include <variant>
#include <vector>

namespace jb {

// A value of a pipe's run as its templates and conditions see it, held natively: the request, the
// step outputs, the message, parsed JSON answers. JavaScript's data model without the engine —
// undefined and null apart, objects that keep the order their keys were added in (as
// JSON.stringify writes them), arrays and objects shared until changed. What a script made that
// JSON cannot hold (a Date, a function, an object the script keeps changing) stays a script value
// (Type::Script) of the runtime's engine, and is only read through it.
class PipeValue final
{
public:
    enum class Type : quint8
    {
        Undefined,
        Null,
        Bool,
        Number,
        String,
        Array,
        Object,
        Script,
    };
    using Array = std::vector<PipeValue>;
    using Member = std::pair<QString, PipeValue>;
    // In the order a script enumerates an object's keys: array-index keys ("0", "17") first in
    // ascending order, then the others in the order they were added. Keys unique.
    using Object = std::vector<Member>;

    PipeValue() = default; // undefined
    PipeValue(bool value)
        : m_data(value)
    { }
    PipeValue(double value)
        : m_data(value)
    { }
    PipeValue(int value)
        : m_data(double(value))
    { }
    PipeValue(qint64 value)
        : m_data(double(value))
    { }
    PipeValue(QString value)
        : m_data(std::move(value))
    { }
    PipeValue(const char16_t *value)
        : m_data(QString::fromUtf16(value))
    { }
    PipeValue(const char *) = delete;
    static PipeValue null() { return PipeValue(Null{}); }
    static PipeValue array(Array elements = {});
    // `members` in the order they were added (index keys are moved to the front, in order).
    static PipeValue object(Object members = {});
    // An array index as JavaScript reads a key: "0".."4294967294" without leading zeros.
    static bool isIndexKey(QStringView key);
    static PipeValue script(QJSValue value);

    Type type() const { return Type(m_data.index()); }
    bool isUndefined() const { return type() == Type::Undefined; }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }
    bool isScript() const { return type() == Type::Script; }
    // null, a boolean, a number or a string
    bool isPrimitive() const { return type() >= Type::Null && type() <= Type::String; }

    bool toBool() const; // JavaScript's truthiness
    bool boolean() const { return std::get<bool>(m_data); }
    double number() const { return std::get<double>(m_data); }
    const QString &string() const { return std::get<QString>(m_data); }
    const Array &elements() const;
    const Object &members() const;
    const QJSValue &scriptValue() const { return std::get<ScriptData>(m_data).value; }

    // An object's member (undefined when it has none, or when this is not a native object).
    PipeValue member(QStringView key) const;
    bool hasMember(QStringView key) const;
    // Adds or replaces a member of an object (an undefined value becomes an empty object first);
    // a shared object is copied first, so that other holders keep what they had.
    void set(const QString &key, PipeValue value);
    void append(PipeValue element); // to an array (undefined becomes an empty one first)

    // The same object or array (a copy made of it shares its contents until either changes).
    bool isSameNode(const PipeValue &other) const;

    // The engine's value this native array or object was last converted to, kept with the
    // contents so that a second script reading them reuses it (ScriptRuntime fills it in).
    QJSValue *scriptCache() const;

private:
    struct Null
    { };
    struct ArrayData
    {
        Array elements;
        mutable QJSValue script;
    };
    struct ObjectData
    {
        Object members;
        mutable QJSValue script;
    };
    struct ScriptData
    {
        QJSValue value;
    };
    explicit PipeValue(Null)
        : m_data(Null{})
    { }

    std::variant<std::monostate, Null, bool, double, QString, std::shared_ptr<ArrayData>,
        std::shared_ptr<ObjectData>, ScriptData>
        m_data;
};

} // namespace jb
