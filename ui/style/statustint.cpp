#include "statustint.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

namespace jb {

StatusTint::StatusTint(QWidget *widget, ThemeColors::Status status)
    : QObject(widget)
    , m_widget(widget)
    , m_status(status)
{
    widget->installEventFilter(this);
}

void StatusTint::apply(QWidget *widget, ThemeColors::Status status)
{
    if (auto *existing = widget->findChild<StatusTint *>(QString(), Qt::FindDirectChildrenOnly)) {
        existing->m_status = status;
        existing->tint();
        return;
    }
    (new StatusTint(widget, status))->tint();
}

void StatusTint::clear(QWidget *widget)
{
    delete widget->findChild<StatusTint *>(QString(), Qt::FindDirectChildrenOnly);
    widget->setPalette(QPalette());
}

bool StatusTint::eventFilter(QObject *watched, QEvent *event)
{
    // the application's palette changed: the colour set from the old one is stale
    if (watched == m_widget && event->type() == QEvent::ApplicationPaletteChange)
        tint();
    return false;
}

void StatusTint::tint()
{
    const QPalette theme
        = m_widget->parentWidget() ? m_widget->parentWidget()->palette() : QApplication::palette();
    QPalette palette;
    const QColor color = ThemeColors::status(m_status, theme, theme.color(QPalette::Window));
    palette.setColor(QPalette::WindowText, color);
    palette.setColor(QPalette::Text, color);
    m_widget->setPalette(palette);
}

} // namespace jb
