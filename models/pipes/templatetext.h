#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace jb {

// A setting string split into literal text and `{{ expression }}` parts. A string that is exactly
// one expression (blanks around it allowed) keeps the expression's JSON type when evaluated; any
// other string with expressions is interpolated into text. Pure: the JavaScript is evaluated by
// ScriptRuntime.
class TemplateText final
{
public:
    struct Part
    {
        QString text; // literal text, or the expression's source (trimmed)
        bool expression = false;
    };

    static bool hasExpression(QStringView text) { return text.contains(u"{{"); }
    // Fails on an unterminated "{{" or an empty expression.
    static Result<TemplateText> parse(const QString &text);

    const QList<Part> &parts() const { return m_parts; }
    bool isSingleExpression() const { return m_parts.size() == 1 && m_parts.constFirst().expression; }
    QStringList expressions() const;

private:
    QList<Part> m_parts;
};

} // namespace jb
