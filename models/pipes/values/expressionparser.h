#pragma once

#include "expressionnode.h"

#include <QStringList>

namespace jb::ExpressionParser {

// The names an expression reads, in the order a compiled script function takes them.
const QStringList &rootNames();

// The expression as a tree for native evaluation, or nullptr when it uses anything outside the
// native subset: the scope's names, literals, member and index access, ! - + * / % and the
// comparisons, && || ?:, object and array literals, Number/String/Boolean, and the text
// methods replace (with a text or a simple regular expression), trim, toUpperCase, toLowerCase,
// includes, startsWith, endsWith and indexOf. Such an expression is then left to the script
// engine, which also reports its syntax errors.
std::unique_ptr<ExpressionNode> parse(const QString &expression);

} // namespace jb::ExpressionParser
