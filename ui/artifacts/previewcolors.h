#pragma once

#include "documentcolors.h"

#include <QPalette>

namespace jb {

// The artifact preview's colours for a palette: the print colours on a light base, and on a dark
// one text, headings and table fills derived from the palette's roles, each kept at a readable
// contrast with every background it is drawn on. Exported files never use these.
class PreviewColors final
{
public:
    static DocumentColors forPalette(const QPalette &palette);
};

} // namespace jb
