#include "transformcatalog.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

TransformParam param(const QString &key, const QString &label, TransformParam::Kind kind, bool required,
    const QJsonValue &defaultValue = {}, const QString &hint = {}, const QStringList &choices = {})
{
    return {key, label, kind, required, defaultValue, choices, hint};
}

QList<TransformInfo> build()
{
    using K = TransformParam::Kind;
    return {
        {TransformOp::Trim, u"Trim"_s, u"Removes spaces (any Unicode space) at both ends."_s, {}},
        {TransformOp::Upper, u"Upper case"_s, u"ÁGUA from água: accents kept."_s, {}},
        {TransformOp::Lower, u"Lower case"_s, u"água from ÁGUA: accents kept."_s, {}},
        {TransformOp::Title, u"Title case"_s,
            u"Maria da Silva from MARIA DA SILVA: da, de, do, das, dos and e stay lower-case."_s, {}},
        {TransformOp::Digits, u"Digits only"_s, u"Keeps 0-9: 01310100 from 01310-100."_s, {}},
        {TransformOp::Pad, u"Pad"_s, u"Fills up to a width: 00001001 from 1001."_s,
            {param(u"side"_s, u"Side"_s, K::Choice, false, u"left"_s, {}, {u"left"_s, u"right"_s}),
                param(u"width"_s, u"Width"_s, K::Integer, true, 8),
                param(u"char"_s, u"Fill character"_s, K::Text, false, u"0"_s)}},
        {TransformOp::Substring, u"Substring"_s, u"Part of the text, counted in characters from 0."_s,
            {param(u"start"_s, u"Start"_s, K::Integer, false, 0, u"negative: from the end"_s),
                param(u"length"_s, u"Length"_s, K::Integer, false, {}, u"empty: to the end"_s)}},
        {TransformOp::PhoneBr, u"Phone (BR) to E.164"_s,
            u"+5511987654321 from (11) 98765-4321: DDD + 8 or 9 digits, with or without +55 or 0."_s, {}},
        {TransformOp::Date, u"Date / time format"_s,
            u"Reads the value in one format, writes it in another (Qt formats: dd/MM/yyyy, HH:mm; or iso)."_s,
            {param(u"from"_s, u"Read as"_s, K::Text, true, u"dd/MM/yyyy"_s),
                param(u"to"_s, u"Write as"_s, K::Text, true, u"yyyy-MM-dd"_s)}},
        {TransformOp::Number, u"Number format"_s,
            u"Reads 1.234,56 (decimal ,) and writes a number, or text with the chosen decimal separator."_s,
            {param(u"decimal"_s, u"Decimal separator in"_s, K::Choice, false, u","_s, {}, {u","_s, u"."_s}),
                param(u"outDecimal"_s, u"Decimal separator out"_s, K::Choice, false, {},
                    u"empty: a JSON number"_s, {QString(), u"."_s, u","_s}),
                param(
                    u"places"_s, u"Decimal places"_s, K::Integer, false, {}, u"empty: as many as needed"_s)}},
        {TransformOp::Concat, u"Concatenate"_s, u"Appends other fields' values, skipping empty ones."_s,
            {param(u"fields"_s, u"Fields"_s, K::Fields, true, QJsonArray()),
                param(u"separator"_s, u"Separator"_s, K::Text, false, u" "_s)}},
        {TransformOp::Constant, u"Constant"_s, u"Always this value."_s,
            {param(u"value"_s, u"Value"_s, K::Text, true, QString())}},
        {TransformOp::Default, u"Default when empty"_s,
            u"This value when the field is missing, null or empty."_s,
            {param(u"value"_s, u"Value"_s, K::Text, true, QString())}},
        {TransformOp::Lookup, u"Lookup table"_s,
            u"Replaces a value by its entry in the table (A → active); others get the default, or fail."_s,
            {param(u"table"_s, u"Table"_s, K::Table, true, QJsonObject()),
                param(u"default"_s, u"Default"_s, K::Text, false, {},
                    u"empty: a value not in the table is an error"_s)}},
        {TransformOp::Js, u"JavaScript"_s,
            u"An expression (or a body with return) over value, record and env."_s,
            {param(u"expression"_s, u"Expression"_s, K::Code, true, u"value"_s)}},
    };
}

} // namespace

const QList<TransformInfo> &TransformCatalog::all()
{
    static const QList<TransformInfo> catalog = build();
    return catalog;
}

const TransformInfo &TransformCatalog::info(TransformOp op)
{
    for (const TransformInfo &info : all()) {
        if (info.op == op)
            return info;
    }
    return all().constFirst();
}

QStringList TransformCatalog::names()
{
    QStringList names;
    for (const TransformInfo &info : all())
        names.append(TransformSpec::name(info.op));
    return names;
}

TransformSpec TransformCatalog::defaults(TransformOp op)
{
    TransformSpec spec;
    spec.op = op;
    for (const TransformParam &param : info(op).params) {
        if (param.required || (!param.defaultValue.isUndefined() && !param.defaultValue.isNull()))
            spec.params.insert(
                param.key, param.defaultValue.isUndefined() ? QJsonValue(QString()) : param.defaultValue);
    }
    return spec;
}

} // namespace jb
