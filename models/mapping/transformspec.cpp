#include "transformspec.h"

#include "core/enumtable.h"
#include "transformcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// The names mapping files and the De-Para's rule column spell; the catalogue holds the labels.
constexpr auto opNames = enumTable<TransformOp>({
    {TransformOp::Trim, u"trim"},
    {TransformOp::Upper, u"upper"},
    {TransformOp::Lower, u"lower"},
    {TransformOp::Title, u"title"},
    {TransformOp::Digits, u"digits"},
    {TransformOp::Pad, u"pad"},
    {TransformOp::Substring, u"substring"},
    {TransformOp::PhoneBr, u"phone-br"},
    {TransformOp::Date, u"date"},
    {TransformOp::Number, u"number"},
    {TransformOp::Concat, u"concat"},
    {TransformOp::Constant, u"constant"},
    {TransformOp::Default, u"default"},
    {TransformOp::Lookup, u"lookup"},
    {TransformOp::Js, u"js"},
});

QByteArray compact(const QJsonValue &value)
{
    // QJsonDocument writes only arrays and objects: wrap, write, unwrap
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

// Reads one JSON value starting at `pos` (a string, an array, an object or a bare word/number),
// stopping before the ',' or ')' that ends it.
std::optional<QJsonValue> readValue(const QString &text, qsizetype &pos)
{
    const qsizetype start = pos;
    int depth = 0;
    bool inString = false;
    for (; pos < text.size(); ++pos) {
        const QChar c = text.at(pos);
        if (inString) {
            if (c == u'\\')
                ++pos;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (c == u'"')
            inString = true;
        else if (c == u'[' || c == u'{')
            ++depth;
        else if (c == u']' || c == u'}')
            --depth;
        else if (depth == 0 && (c == u',' || c == u')'))
            break;
    }
    const QString raw = text.mid(start, pos - start).trimmed();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray('[' + raw.toUtf8() + ']'), &error);
    if (raw.isEmpty() || error.error != QJsonParseError::NoError || document.array().size() != 1)
        return std::nullopt;
    return document.array().first();
}

} // namespace

QString TransformSpec::name(TransformOp op)
{
    return opNames.key(op).value_or(QString());
}

std::optional<TransformOp> TransformSpec::fromName(const QString &name)
{
    return opNames.fromKey(name);
}

Result<TransformSpec> TransformSpec::fromJson(const QJsonValue &value)
{
    TransformSpec spec;
    QString opName;
    if (value.isString()) {
        opName = value.toString();
    } else if (value.isObject()) {
        spec.params = value.toObject();
        opName = spec.params.take(u"op"_s).toString();
    } else {
        return Result<TransformSpec>::failure(
            Error::Code::Schema, u"a transform is a name or an object with \"op\""_s);
    }
    const std::optional<TransformOp> op = fromName(opName);
    if (!op)
        return Result<TransformSpec>::failure(Error::Code::Schema,
            u"unknown transform \"%1\" (known: %2)"_s.arg(opName, TransformCatalog::names().join(u", "_s)));
    spec.op = *op;
    return spec;
}

QJsonValue TransformSpec::toJson() const
{
    if (params.isEmpty())
        return name(op);
    QJsonObject object = params;
    object.insert(u"op"_s, name(op));
    return object;
}

QString TransformSpec::toText() const
{
    if (params.isEmpty())
        return name(op);
    // the catalogue's parameter order reads better than the alphabetical one
    QStringList keys;
    for (const TransformParam &param : TransformCatalog::info(op).params) {
        if (params.contains(param.key))
            keys.append(param.key);
    }
    for (const QString &key : params.keys()) {
        if (!keys.contains(key))
            keys.append(key);
    }
    QStringList parts;
    for (const QString &key : std::as_const(keys))
        parts.append(key + u'=' + QString::fromUtf8(compact(params.value(key))));
    return name(op) + u'(' + parts.join(u", "_s) + u')';
}

QString TransformSpec::chainText(const QList<TransformSpec> &chain)
{
    QStringList parts;
    for (const TransformSpec &spec : chain)
        parts.append(spec.toText());
    return parts.join(u" | "_s);
}

Result<QList<TransformSpec>> TransformSpec::parseChain(const QString &text)
{
    using Chain = Result<QList<TransformSpec>>;
    QList<TransformSpec> chain;
    qsizetype pos = 0;
    const auto skipSpace = [&] {
        while (pos < text.size() && text.at(pos).isSpace())
            ++pos;
    };
    const auto fail = [&](const QString &what) {
        return Chain::failure(
            Error::Code::Parse, u"transforms \"%1\", at %2: %3"_s.arg(text).arg(pos + 1).arg(what));
    };
    skipSpace();
    if (pos == text.size())
        return chain;
    while (pos < text.size()) {
        skipSpace();
        const qsizetype start = pos;
        while (pos < text.size() && (text.at(pos).isLetterOrNumber() || text.at(pos) == u'-'))
            ++pos;
        const QString opName = text.mid(start, pos - start);
        const std::optional<TransformOp> op = fromName(opName);
        if (!op)
            return fail(u"unknown transform \"%1\""_s.arg(opName));
        TransformSpec spec;
        spec.op = *op;
        skipSpace();
        if (pos < text.size() && text.at(pos) == u'(') {
            ++pos;
            skipSpace();
            while (pos < text.size() && text.at(pos) != u')') {
                const qsizetype keyStart = pos;
                while (pos < text.size() && (text.at(pos).isLetterOrNumber() || text.at(pos) == u'_'))
                    ++pos;
                const QString key = text.mid(keyStart, pos - keyStart);
                skipSpace();
                if (key.isEmpty() || pos >= text.size() || text.at(pos) != u'=')
                    return fail(u"expected name=value"_s);
                ++pos;
                skipSpace();
                const std::optional<QJsonValue> value = readValue(text, pos);
                if (!value)
                    return fail(u"the value of %1 is not JSON (quote text: \"like this\")"_s.arg(key));
                spec.params.insert(key, *value);
                skipSpace();
                if (pos < text.size() && text.at(pos) == u',') {
                    ++pos;
                    skipSpace();
                }
            }
            if (pos >= text.size())
                return fail(u"missing )"_s);
            ++pos;
        }
        chain.append(spec);
        skipSpace();
        if (pos < text.size()) {
            if (text.at(pos) != u'|')
                return fail(u"expected | between transforms"_s);
            ++pos;
            skipSpace();
            if (pos == text.size())
                return fail(u"a transform is missing after |"_s);
        }
    }
    return chain;
}

} // namespace jb
