#include "templatetext.h"

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// Where the "}}" that closes the expression starting at `from` is. Braces and string literals of
// the JavaScript inside are skipped, so that {{ ({a: {b: 1}}) }} closes at the right place.
qsizetype closingBraces(const QString &text, qsizetype from)
{
    int depth = 0;
    QChar quote;
    for (qsizetype i = from; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'"' || c == u'\'' || c == u'`')
            quote = c;
        else if (c == u'{')
            ++depth;
        else if (c == u'}' && depth > 0)
            --depth;
        else if (c == u'}' && i + 1 < text.size() && text.at(i + 1) == u'}')
            return i;
    }
    return -1;
}

} // namespace

Result<TemplateText> TemplateText::parse(const QString &text)
{
    TemplateText result;
    qsizetype position = 0;
    while (position < text.size()) {
        const qsizetype open = text.indexOf(u"{{", position);
        if (open < 0) {
            result.m_parts.append({text.mid(position), false});
            break;
        }
        const qsizetype close = closingBraces(text, open + 2);
        if (close < 0)
            return Result<TemplateText>::failure(Error::Code::Parse,
                u"unterminated \"{{\" at character %1 of \"%2\""_s.arg(open + 1).arg(text));
        const QString expression = text.mid(open + 2, close - open - 2).trimmed();
        if (expression.isEmpty())
            return Result<TemplateText>::failure(
                Error::Code::Parse, u"empty expression at character %1 of \"%2\""_s.arg(open + 1).arg(text));
        const QString before = text.mid(position, open - position);
        if (!before.isEmpty())
            result.m_parts.append({before, false});
        result.m_parts.append({expression, true});
        position = close + 2;
    }
    // "  {{ x }}  " is still a single expression: blanks around it carry no meaning
    if (result.m_parts.size() > 1) {
        int expressions = 0;
        bool onlyBlanks = true;
        for (const Part &part : std::as_const(result.m_parts)) {
            if (part.expression)
                ++expressions;
            else if (!part.text.trimmed().isEmpty())
                onlyBlanks = false;
        }
        if (expressions == 1 && onlyBlanks) {
            const auto it = std::find_if(result.m_parts.cbegin(), result.m_parts.cend(),
                [](const Part &part) { return part.expression; });
            result.m_parts = {*it};
        }
    }
    return result;
}

QStringList TemplateText::expressions() const
{
    QStringList result;
    for (const Part &part : m_parts) {
        if (part.expression)
            result.append(part.text);
    }
    return result;
}

} // namespace jb
