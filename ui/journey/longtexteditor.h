#pragma once

#include <QPlainTextEdit>

namespace jb {

// A multi-line field editor (notes, descriptions, message examples) that commits what was typed
// when it loses the focus, as one undoable edit, instead of on every key.
class LongTextEditor final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LongTextEditor)

public:
    explicit LongTextEditor(QWidget *parent = nullptr);

    // Shows `text` unless the user is typing (an undo elsewhere does not discard their words).
    void showText(const QString &text);
    // Emits committed() when the text differs from what was last shown.
    void commit();

Q_SIGNALS:
    void committed(const QString &text);

protected:
    void focusOutEvent(QFocusEvent *event) override;

private:
    QString m_shown;
};

} // namespace jb
