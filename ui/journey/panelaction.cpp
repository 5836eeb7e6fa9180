#include "panelaction.h"

#include <QAction>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace jb {

QAction *panelAction(QWidget *owner, Icons::Glyph glyph, const QString &text, const QKeySequence &keys)
{
    auto *action = new QAction(Icons::icon(glyph), text, owner);
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WidgetShortcut); // only while the table has the focus
    action->setToolTip(
        keys.isEmpty() ? text : u"%1 (%2)"_s.arg(text, keys.toString(QKeySequence::NativeText)));
    return action;
}

} // namespace jb
