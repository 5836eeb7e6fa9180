#pragma once

#include "expressionnode.h"
#include "pipevalue.h"

#include <QJSValue>

#include <array>
#include <functional>
#include <optional>

namespace jb {

// Evaluates an expression tree of ExpressionParser over the scope's native values, with
// JavaScript's semantics. Where the answer would need the engine — a property of undefined
// (which throws), `+` on an object, a method of a script value, anything the subset does not
// decide exactly as the engine would — it gives nothing, and the caller asks the engine instead;
// what it does give is what the engine would have given.
class NativeExpression final
{
public:
    static constexpr int rootCount = 10; // ExpressionParser::rootNames()
    using Roots = std::array<const PipeValue *, rootCount>;
    // Reads a member of a script value (the runtime's engine does it).
    using ScriptMember = std::function<PipeValue(const QJSValue &object, const QString &key)>;

    static std::optional<PipeValue> evaluate(
        const ExpressionNode &node, const Roots &roots, const ScriptMember &scriptMember = {});

    // JavaScript's ToString of a primitive ("null", "undefined", numbers as JavaScript writes
    // them); nothing for objects and script values.
    static std::optional<QString> toText(const PipeValue &value);
    // JavaScript's ToNumber of a primitive; nothing for objects and script values.
    static std::optional<double> toNumber(const PipeValue &value);
};

} // namespace jb
