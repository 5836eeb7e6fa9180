#include "nativeexpression.h"

#include "jsnumber.h"
#include "jsregex.h"

#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

using Node = ExpressionNode;
using Maybe = std::optional<PipeValue>;

// Names every object inherits: reading one that the object does not have itself gives the
// inherited function, which only the engine has.
bool isInheritedName(QStringView key)
{
    static const QStringList names = {u"constructor"_s, u"hasOwnProperty"_s, u"isPrototypeOf"_s,
        u"propertyIsEnumerable"_s, u"toLocaleString"_s, u"toString"_s, u"valueOf"_s, u"__proto__"_s,
        u"__defineGetter__"_s, u"__defineSetter__"_s, u"__lookupGetter__"_s, u"__lookupSetter__"_s};
    return names.contains(key);
}

bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0x7F)
            return false;
    }
    return true;
}

class Evaluator final
{
public:
    Evaluator(const NativeExpression::Roots &roots, const NativeExpression::ScriptMember &scriptMember)
        : m_roots(roots)
        , m_scriptMember(scriptMember)
    { }

    Maybe eval(const Node &node)
    {
        switch (node.kind) {
        case Node::Kind::Literal:
            return node.value;
        case Node::Kind::Root: {
            const PipeValue *root = m_roots[size_t(node.root)];
            return root ? *root : PipeValue();
        }
        case Node::Kind::Member: {
            const Maybe object = eval(*node.children[0]);
            if (!object)
                return {};
            return member(*object, node.name);
        }
        case Node::Kind::Index: {
            const Maybe object = eval(*node.children[0]);
            if (!object)
                return {};
            const Maybe key = eval(*node.children[1]);
            if (!key)
                return {};
            const std::optional<QString> name = NativeExpression::toText(*key);
            if (!name)
                return {};
            return member(*object, *name);
        }
        case Node::Kind::Not: {
            const Maybe operand = eval(*node.children[0]);
            if (!operand)
                return {};
            return PipeValue(!operand->toBool());
        }
        case Node::Kind::Negate:
        case Node::Kind::ToNumber: {
            const Maybe operand = eval(*node.children[0]);
            if (!operand)
                return {};
            const std::optional<double> number = NativeExpression::toNumber(*operand);
            if (!number)
                return {};
            return PipeValue(node.kind == Node::Kind::Negate ? -*number : *number);
        }
        case Node::Kind::And:
        case Node::Kind::Or: {
            Maybe left = eval(*node.children[0]);
            if (!left)
                return {};
            if (left->toBool() == (node.kind == Node::Kind::Or))
                return left;
            return eval(*node.children[1]);
        }
        case Node::Kind::Conditional: {
            const Maybe test = eval(*node.children[0]);
            if (!test)
                return {};
            return eval(*node.children[test->toBool() ? 1 : 2]);
        }
        case Node::Kind::Binary: {
            const Maybe left = eval(*node.children[0]);
            if (!left)
                return {};
            const Maybe right = eval(*node.children[1]);
            if (!right)
                return {};
            return binary(node.op, *left, *right);
        }
        case Node::Kind::ObjectLiteral: {
            PipeValue::Object members;
            members.reserve(node.keys.size());
            for (size_t i = 0; i < node.keys.size(); ++i) {
                Maybe value = eval(*node.children[i]);
                if (!value)
                    return {};
                members.emplace_back(node.keys[i], std::move(*value));
            }
            return PipeValue::object(std::move(members));
        }
        case Node::Kind::ArrayLiteral: {
            PipeValue::Array elements;
            elements.reserve(node.children.size());
            for (const auto &child : node.children) {
                Maybe value = eval(*child);
                if (!value)
                    return {};
                elements.push_back(std::move(*value));
            }
            return PipeValue::array(std::move(elements));
        }
        case Node::Kind::Call:
            return call(node);
        case Node::Kind::Method:
            return method(node);
        case Node::Kind::Regex:
            return {}; // only read by replace
        }
        return {};
    }

private:
    Maybe member(const PipeValue &object, const QString &key)
    {
        switch (object.type()) {
        case PipeValue::Type::Object:
            for (const auto &[name, value] : object.members()) {
                if (name == key)
                    return value;
            }
            if (isInheritedName(key))
                return {};
            return PipeValue();
        case PipeValue::Type::Array: {
            if (key == u"length")
                return PipeValue(double(object.elements().size()));
            if (!PipeValue::isIndexKey(key))
                return {};
            const quint64 index = key.toULongLong();
            return index < object.elements().size() ? object.elements()[size_t(index)] : PipeValue();
        }
        case PipeValue::Type::String: {
            if (key == u"length")
                return PipeValue(double(object.string().size()));
            if (!PipeValue::isIndexKey(key))
                return {};
            const quint64 index = key.toULongLong();
            if (index >= quint64(object.string().size()))
                return PipeValue();
            return PipeValue(QString(object.string().at(qsizetype(index))));
        }
        case PipeValue::Type::Script:
            if (!m_scriptMember)
                return {};
            return m_scriptMember(object.scriptValue(), key);
        default:
            return {}; // undefined and null throw; numbers and booleans have only inherited members
        }
    }

    static Maybe strictEqual(const PipeValue &a, const PipeValue &b)
    {
        if (a.type() != b.type())
            return a.isScript() || b.isScript() ? Maybe() : Maybe(PipeValue(false));
        switch (a.type()) {
        case PipeValue::Type::Undefined:
        case PipeValue::Type::Null:
            return PipeValue(true);
        case PipeValue::Type::Bool:
            return PipeValue(a.boolean() == b.boolean());
        case PipeValue::Type::Number:
            return PipeValue(a.number() == b.number());
        case PipeValue::Type::String:
            return PipeValue(a.string() == b.string());
        case PipeValue::Type::Array:
        case PipeValue::Type::Object:
            return PipeValue(a.isSameNode(b));
        case PipeValue::Type::Script:
            return PipeValue(a.scriptValue().strictlyEquals(b.scriptValue()));
        }
        return {};
    }

    static Maybe looseEqual(const PipeValue &a, const PipeValue &b)
    {
        const auto nullish = [](const PipeValue &v) { return v.isUndefined() || v.isNull(); };
        if (a.type() == b.type())
            return strictEqual(a, b);
        if (nullish(a) || nullish(b))
            return a.isScript() || b.isScript() ? Maybe() : Maybe(PipeValue(nullish(a) && nullish(b)));
        if (!a.isPrimitive() || !b.isPrimitive())
            return {}; // ToPrimitive of an object is the engine's
        const std::optional<double> x = NativeExpression::toNumber(a);
        const std::optional<double> y = NativeExpression::toNumber(b);
        return PipeValue(*x == *y);
    }

    static Maybe compare(ExpressionNode::Op op, const PipeValue &a, const PipeValue &b)
    {
        const bool primitive = (a.isPrimitive() || a.isUndefined()) && (b.isPrimitive() || b.isUndefined());
        if (!primitive)
            return {};
        if (a.isString() && b.isString()) {
            const int c = QString::compare(a.string(), b.string(), Qt::CaseSensitive);
            switch (op) {
            case Node::Op::Less: return PipeValue(c < 0);
            case Node::Op::Greater: return PipeValue(c > 0);
            case Node::Op::LessEqual: return PipeValue(c <= 0);
            default: return PipeValue(c >= 0);
            }
        }
        const double x = *NativeExpression::toNumber(a);
        const double y = *NativeExpression::toNumber(b);
        switch (op) {
        case Node::Op::Less: return PipeValue(x < y);
        case Node::Op::Greater: return PipeValue(x > y);
        case Node::Op::LessEqual: return PipeValue(x <= y);
        default: return PipeValue(x >= y);
        }
    }

    static Maybe binary(ExpressionNode::Op op, const PipeValue &a, const PipeValue &b)
    {
        switch (op) {
        case Node::Op::StrictEqual:
        case Node::Op::StrictNotEqual: {
            const Maybe equal = strictEqual(a, b);
            if (!equal)
                return {};
            return op == Node::Op::StrictEqual ? *equal : PipeValue(!equal->boolean());
        }
        case Node::Op::Equal:
        case Node::Op::NotEqual: {
            const Maybe equal = looseEqual(a, b);
            if (!equal)
                return {};
            return op == Node::Op::Equal ? *equal : PipeValue(!equal->boolean());
        }
        case Node::Op::Less:
        case Node::Op::Greater:
        case Node::Op::LessEqual:
        case Node::Op::GreaterEqual:
            return compare(op, a, b);
        case Node::Op::Add: {
            if (a.isString() || b.isString()) {
                const std::optional<QString> x = NativeExpression::toText(a);
                const std::optional<QString> y = NativeExpression::toText(b);
                if (!x || !y)
                    return {};
                return PipeValue(*x + *y);
            }
            const std::optional<double> x = NativeExpression::toNumber(a);
            const std::optional<double> y = NativeExpression::toNumber(b);
            if (!x || !y)
                return {};
            return PipeValue(*x + *y);
        }
        default: {
            const std::optional<double> x = NativeExpression::toNumber(a);
            const std::optional<double> y = NativeExpression::toNumber(b);
            if (!x || !y)
                return {};
            switch (op) {
            case Node::Op::Subtract: return PipeValue(*x - *y);
            case Node::Op::Multiply: return PipeValue(*x * *y);
            case Node::Op::Divide: return PipeValue(*x / *y);
            default: return PipeValue(std::fmod(*x, *y));
            }
        }
        }
    }

    Maybe call(const Node &node)
    {
        std::vector<PipeValue> arguments;
        for (const auto &child : node.children) {
            Maybe value = eval(*child);
            if (!value)
                return {};
            arguments.push_back(std::move(*value));
        }
        if (node.name == u"Boolean")
            return PipeValue(!arguments.empty() && arguments[0].toBool());
        if (node.name == u"Number") {
            if (arguments.empty())
                return PipeValue(0);
            const std::optional<double> number = NativeExpression::toNumber(arguments[0]);
            return number ? Maybe(PipeValue(*number)) : Maybe();
        }
        if (arguments.empty())
            return PipeValue(QString());
        const std::optional<QString> text = NativeExpression::toText(arguments[0]);
        return text ? Maybe(PipeValue(*text)) : Maybe();
    }

    Maybe method(const Node &node)
    {
        const Maybe target = eval(*node.children[0]);
        if (!target || !target->isString())
            return {};
        const QString &text = target->string();
        const qsizetype argumentCount = qsizetype(node.children.size()) - 1;
        if (node.name == u"replace") {
            if (argumentCount != 2)
                return {};
            const Maybe replacement = eval(*node.children[2]);
            if (!replacement || !replacement->isString())
                return {}; // a replacer function, or a value the engine converts
            const Node &pattern = *node.children[1];
            if (pattern.kind == Node::Kind::Regex)
                return PipeValue(JsRegex::replace(text, pattern.regex, pattern.global, replacement->string()));
            const Maybe search = eval(pattern);
            if (!search || !search->isString())
                return {};
            return PipeValue(JsRegex::replace(text, search->string(), replacement->string()));
        }
        if (node.name == u"trim" && argumentCount == 0)
            return PipeValue(JsNumber::trimmed(text).toString());
        if ((node.name == u"toUpperCase" || node.name == u"toLowerCase") && argumentCount == 0) {
            if (!isAscii(text))
                return {}; // full Unicode case mapping is the engine's
            return PipeValue(node.name == u"toUpperCase" ? text.toUpper() : text.toLower());
        }
        if (argumentCount != 1)
            return {};
        const Maybe argument = eval(*node.children[1]);
        if (!argument || !argument->isString())
            return {};
        const QString &search = argument->string();
        if (node.name == u"includes")
            return PipeValue(text.contains(search));
        if (node.name == u"startsWith")
            return PipeValue(text.startsWith(search));
        if (node.name == u"endsWith")
            return PipeValue(text.endsWith(search));
        if (node.name == u"indexOf")
            return PipeValue(double(text.indexOf(search)));
        return {};
    }

    const NativeExpression::Roots &m_roots;
    const NativeExpression::ScriptMember &m_scriptMember;
};

} // namespace

std::optional<PipeValue> NativeExpression::evaluate(
    const ExpressionNode &node, const Roots &roots, const ScriptMember &scriptMember)
{
    return Evaluator(roots, scriptMember).eval(node);
}

std::optional<QString> NativeExpression::toText(const PipeValue &value)
{
    switch (value.type()) {
    case PipeValue::Type::Undefined:
        return u"undefined"_s;
    case PipeValue::Type::Null:
        return u"null"_s;
    case PipeValue::Type::Bool:
        return value.boolean() ? u"true"_s : u"false"_s;
    case PipeValue::Type::Number:
        return JsNumber::toString(value.number());
    case PipeValue::Type::String:
        return value.string();
    default:
        return std::nullopt;
    }
}

std::optional<double> NativeExpression::toNumber(const PipeValue &value)
{
    switch (value.type()) {
    case PipeValue::Type::Undefined:
        return std::numeric_limits<double>::quiet_NaN();
    case PipeValue::Type::Null:
        return 0.0;
    case PipeValue::Type::Bool:
        return value.boolean() ? 1.0 : 0.0;
    case PipeValue::Type::Number:
        return value.number();
    case PipeValue::Type::String:
        return JsNumber::fromString(value.string());
    default:
        return std::nullopt;
    }
}

} // namespace jb
