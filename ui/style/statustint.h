#pragma once

#include "themecolors.h"

#include <QObject>

class QWidget;

namespace jb {

// Draws a widget's text (a label's, a check box's) in a status colour that follows the theme:
// set once, it is worked out again from the application's palette whenever View > Theme changes
// it. Replaces fixed-colour style sheets, which kept a light theme's red on a dark window.
class StatusTint final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusTint)

public:
    // Tints `widget` (owned by it); a second call on the same widget changes the status.
    static void apply(QWidget *widget, ThemeColors::Status status);
    // Back to the palette's own text colour.
    static void clear(QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    StatusTint(QWidget *widget, ThemeColors::Status status);
    void tint();

    QWidget *m_widget;
    ThemeColors::Status m_status;
};

} // namespace jb
