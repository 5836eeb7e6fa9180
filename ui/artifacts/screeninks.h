#pragma once

#include "diagraminks.h"

#include <QPalette>

namespace jb {

// The inks a diagram is drawn in on screen: the print inks on a light palette; on a dark one the
// palette's base as the page, each tone's pale fill turned into a dark tint of its hue, strokes
// lifted until they show, and every text readable on both its fill and the page. Exported files
// never use these.
class ScreenInks final
{
public:
    static DiagramInks forPalette(const QPalette &palette);
};

} // namespace jb
