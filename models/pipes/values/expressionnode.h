#pragma once

#include "pipevalue.h"

#include <QRegularExpression>
#include <QString>

#include <memory>
#include <vector>

namespace jb {

// One node of an expression compiled for native evaluation (ExpressionParser makes them,
// NativeExpression evaluates them). Only what evaluates without a script engine has a node.
struct ExpressionNode
{
    enum class Kind : quint8
    {
        Literal, // `value`
        Root, // one of the scope's names: `root`
        Member, // children[0].name
        Index, // children[0][children[1]]
        Not, // !children[0]
        Negate, // -children[0]
        ToNumber, // +children[0]
        Binary, // children[0] op children[1]
        And, // children[0] && children[1]
        Or, // children[0] || children[1]
        Conditional, // children[0] ? children[1] : children[2]
        ObjectLiteral, // {keys[i]: children[i]}
        ArrayLiteral, // [children...]
        Call, // name(children...): Number, String, Boolean
        Method, // children[0].name(children[1...]) on text
        Regex, // a regular expression literal, as a method's first argument only
    };
    enum class Op : quint8
    {
        StrictEqual,
        StrictNotEqual,
        Equal,
        NotEqual,
        Less,
        Greater,
        LessEqual,
        GreaterEqual,
        Add,
        Subtract,
        Multiply,
        Divide,
        Remainder,
    };

    Kind kind = Kind::Literal;
    Op op = Op::Add;
    int root = -1;
    bool global = false; // Regex: the g flag
    PipeValue value;
    QString name;
    std::vector<QString> keys;
    std::vector<std::unique_ptr<ExpressionNode>> children;
    QRegularExpression regex;
};

} // namespace jb
