#include "transformstep.h"

#include "jsonscalars.h"
#include "scripthost.h"
#include "texttransforms.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

std::optional<int> integerParam(const QJsonObject &params, const QString &key)
{
    const QJsonValue value = params.value(key);
    if (value.isDouble())
        return value.toInt();
    if (value.isString() && !value.toString().trimmed().isEmpty()) {
        bool ok = false;
        const int number = value.toString().trimmed().toInt(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

} // namespace

Result<TransformStep> TransformStep::compile(const TransformSpec &spec, int scriptIndex)
{
    const auto fail = [&](const QString &why) {
        return Result<TransformStep>::failure(
            Error::Code::Schema, TransformSpec::name(spec.op) + u": "_s + why);
    };
    TransformStep step;
    step.m_op = spec.op;
    const QJsonObject &p = spec.params;
    switch (spec.op) {
    case TransformOp::Pad: {
        const QString side = p.value(u"side"_s).toString(u"left"_s);
        if (side != u"left" && side != u"right")
            return fail(u"side is left or right, not \"%1\""_s.arg(side));
        step.m_left = side == u"left";
        step.m_fill = p.value(u"char"_s).toString(u"0"_s);
        if (step.m_fill.isEmpty())
            step.m_fill = u" "_s;
        const std::optional<int> width = integerParam(p, u"width"_s);
        if (!width || *width < 0 || *width > 10000)
            return fail(u"width is a number from 0 to 10000"_s);
        step.m_width = *width;
        break;
    }
    case TransformOp::Substring: {
        step.m_start = integerParam(p, u"start"_s).value_or(0);
        const std::optional<int> length = integerParam(p, u"length"_s);
        if (p.contains(u"length"_s) && !length && !p.value(u"length"_s).isNull()
            && !p.value(u"length"_s).toString().isEmpty())
            return fail(u"length is a number"_s);
        step.m_length = length.value_or(-1);
        break;
    }
    case TransformOp::Date:
        step.m_from = p.value(u"from"_s).toString();
        step.m_to = p.value(u"to"_s).toString();
        if (step.m_from.isEmpty() || step.m_to.isEmpty())
            return fail(u"needs a format to read (from) and one to write (to)"_s);
        break;
    case TransformOp::Number: {
        const QString decimal = p.value(u"decimal"_s).toString(u"."_s);
        const QString out = p.value(u"outDecimal"_s).toString();
        if ((decimal != u"." && decimal != u",") || (!out.isEmpty() && out != u"." && out != u","))
            return fail(u"decimal separators are \".\" or \",\""_s);
        step.m_decimal = decimal.at(0);
        step.m_outDecimal = out.isEmpty() ? QChar() : out.at(0);
        step.m_places = integerParam(p, u"places"_s).value_or(-1);
        if (step.m_places > 15)
            return fail(u"at most 15 decimal places"_s);
        break;
    }
    case TransformOp::Concat:
        for (const QJsonValue &field : p.value(u"fields"_s).toArray()) {
            const FieldPath path(field.toString());
            if (!path.isValid())
                return fail(u"\"%1\" is not a field path"_s.arg(field.toString()));
            step.m_fields.append(path);
        }
        if (step.m_fields.isEmpty())
            return fail(u"names no field to append"_s);
        step.m_separator = p.value(u"separator"_s).toString(u" "_s);
        break;
    case TransformOp::Constant:
    case TransformOp::Default:
        if (!p.contains(u"value"_s))
            return fail(u"needs a value"_s);
        step.m_value = p.value(u"value"_s);
        break;
    case TransformOp::Lookup: {
        const QJsonValue table = p.value(u"table"_s);
        if (!table.isObject())
            return fail(u"needs a table (an object of value -> replacement)"_s);
        const QJsonObject entries = table.toObject();
        for (auto it = entries.begin(); it != entries.end(); ++it)
            step.m_table.insert(it.key(), it.value());
        if (p.contains(u"default"_s) && !p.value(u"default"_s).isNull())
            step.m_fallback = p.value(u"default"_s);
        break;
    }
    case TransformOp::Js:
        if (p.value(u"expression"_s).toString().trimmed().isEmpty())
            return fail(u"needs an expression"_s);
        step.m_script = scriptIndex;
        break;
    default:
        break;
    }
    return step;
}

std::optional<QString> TransformStep::apply(
    QJsonValue &value, const QJsonObject &record, qsizetype element, ScriptHost *scripts) const
{
    // null and missing values pass through the text transforms: required-ness is the contract's
    switch (m_op) {
    case TransformOp::Constant:
        value = m_value;
        return std::nullopt;
    case TransformOp::Default:
        if (JsonScalars::isEmpty(value))
            value = m_value;
        return std::nullopt;
    case TransformOp::Concat: {
        QStringList parts;
        if (!JsonScalars::isEmpty(value))
            parts.append(JsonScalars::text(value));
        for (const FieldPath &path : m_fields) {
            QJsonValue other = path.get(record);
            if (other.isArray() && path.hasEach() && element >= 0)
                other = other.toArray().at(element);
            if (other.isArray() || other.isObject())
                return u"concat: %1 is not a single value"_s.arg(path.text());
            if (!JsonScalars::isEmpty(other))
                parts.append(JsonScalars::text(other));
        }
        value = parts.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(parts.join(m_separator));
        return std::nullopt;
    }
    case TransformOp::Lookup: {
        if (JsonScalars::isEmpty(value) && !m_fallback)
            return std::nullopt;
        const auto found = m_table.constFind(JsonScalars::text(value));
        if (found != m_table.constEnd())
            value = *found;
        else if (m_fallback)
            value = *m_fallback;
        else
            return u"no entry for \"%1\" in the lookup table"_s.arg(JsonScalars::text(value));
        return std::nullopt;
    }
    case TransformOp::Js: {
        if (!scripts)
            return u"JavaScript is not available here"_s;
        Result<QJsonValue> result = scripts->evaluate(m_script, value);
        if (!result)
            return result.errorString();
        value = std::move(result).value();
        return std::nullopt;
    }
    default:
        break;
    }
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (value.isArray() || value.isObject())
        return u"%1 works on text, and this value is an %2"_s.arg(
            TransformSpec::name(m_op), value.isArray() ? u"array"_s : u"object"_s);
    const QString text = JsonScalars::text(value);
    switch (m_op) {
    case TransformOp::Trim:
        value = TextTransforms::trim(text);
        break;
    case TransformOp::Upper:
        value = TextTransforms::upper(text);
        break;
    case TransformOp::Lower:
        value = TextTransforms::lower(text);
        break;
    case TransformOp::Title:
        value = TextTransforms::titleCase(text);
        break;
    case TransformOp::Digits:
        value = TextTransforms::digitsOnly(text);
        break;
    case TransformOp::Pad:
        value = TextTransforms::pad(text, m_left, m_fill, m_width);
        break;
    case TransformOp::Substring:
        value = TextTransforms::substring(text, m_start, m_length);
        break;
    case TransformOp::PhoneBr: {
        if (text.trimmed().isEmpty()) {
            value = QJsonValue(QJsonValue::Null);
            break;
        }
        Result<QString> phone = TextTransforms::phoneE164(text);
        if (!phone)
            return phone.errorString();
        value = std::move(phone).value();
        break;
    }
    case TransformOp::Date: {
        if (text.trimmed().isEmpty()) {
            value = QJsonValue(QJsonValue::Null);
            break;
        }
        Result<QString> date = TextTransforms::reformatDate(text, m_from, m_to);
        if (!date)
            return date.errorString();
        value = std::move(date).value();
        break;
    }
    case TransformOp::Number: {
        if (text.trimmed().isEmpty()) {
            value = QJsonValue(QJsonValue::Null);
            break;
        }
        double number = 0;
        if (value.isDouble()) {
            number = value.toDouble();
        } else {
            const Result<double> parsed = TextTransforms::parseNumber(text, m_decimal);
            if (!parsed)
                return parsed.errorString();
            number = parsed.value();
        }
        if (!m_outDecimal.isNull()) {
            value = TextTransforms::formatNumber(number, m_outDecimal, m_places);
        } else if (m_places >= 0) {
            const double scale = std::pow(10.0, m_places);
            value = std::round(number * scale) / scale;
        } else {
            value = number;
        }
        break;
    }
    default:
        break;
    }
    return std::nullopt;
}

} // namespace jb
