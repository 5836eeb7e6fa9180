#pragma once

#include <QIcon>

class QAction;
class QToolButton;

namespace jb {

// The few small glyphs the shell needs, drawn with QPainter so that they exist on every platform
// (the freedesktop icon theme is often missing) and read well on light and dark palettes.
class Icons final
{
public:
    enum class Glyph
    {
        Add,
        Duplicate,
        Remove,
        Up,
        Down,
        Search,
        Signoff,
        Folder,
        Save,
        Undo,
        Redo,
    };

    static QIcon icon(Glyph glyph);
    // A flat tool button for a panel's own toolbar row; it never takes the focus from the table.
    static QToolButton *toolButton(QAction *action, bool withText);
};

} // namespace jb
