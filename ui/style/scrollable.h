#pragma once

class QScrollArea;
class QWidget;

namespace jb {

// `content` in a frameless scroll area that gives it the whole viewport and scrolls only when the
// viewport is smaller than the content's minimum size: a page keeps its layout whole (nothing
// squeezed on top of anything else) on a small or highly scaled screen, and the window can still
// be made as small as the screen.
QScrollArea *scrollable(QWidget *content, QWidget *parent);

} // namespace jb
