#pragma once

#include "icons.h"

#include <QKeySequence>

class QAction;
class QWidget;

namespace jb {

// An action of a panel's table: its shortcut works only while the table has the focus, and its
// tooltip names the shortcut.
QAction *panelAction(QWidget *owner, Icons::Glyph glyph, const QString &text, const QKeySequence &keys);

} // namespace jb
