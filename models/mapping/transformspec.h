#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace jb {

enum class TransformOp
{
    Trim,
    Upper,
    Lower,
    Title, // accent-aware; the pt-BR particles da, de, do, das, dos, e stay lower-case
    Digits,
    Pad, // side, width, char
    Substring, // start, length
    PhoneBr, // Brazilian phone number to E.164
    Date, // from, to (Qt date/time formats, or "iso")
    Number, // decimal, outDecimal, places
    Concat, // fields, separator
    Constant, // value
    Default, // value, when empty
    Lookup, // table, default
    Js, // expression: value, record and env in scope
};

// One step of a rule's transform chain as written in a mapping file: its operation and parameters.
// In JSON a step is {"op": "pad", "side": "left", "width": 8, "char": "0"}, or just "trim" when it
// has none. As text (the De-Para's rule column) a chain reads
//     trim | upper | pad(side="left", width=8, char="0")
// each parameter's value written as JSON, so the text parses back to the same chain.
struct TransformSpec
{
    TransformOp op = TransformOp::Trim;
    QJsonObject params;

    static Result<TransformSpec> fromJson(const QJsonValue &value);
    QJsonValue toJson() const;
    QString toText() const;

    static QString chainText(const QList<TransformSpec> &chain);
    static Result<QList<TransformSpec>> parseChain(const QString &text);

    static QString name(TransformOp op);
    static std::optional<TransformOp> fromName(const QString &name);
    bool operator==(const TransformSpec &other) const = default;
};

} // namespace jb
