#include "longtexteditor.h"

namespace jb {

LongTextEditor::LongTextEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
}

void LongTextEditor::showText(const QString &text)
{
    if (hasFocus() && toPlainText() != m_shown)
        return;
    m_shown = text;
    if (toPlainText() != text)
        setPlainText(text);
}

void LongTextEditor::commit()
{
    const QString text = toPlainText();
    if (text == m_shown)
        return;
    m_shown = text;
    Q_EMIT committed(text);
}

void LongTextEditor::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    commit();
}

} // namespace jb
