#pragma once

#include <QColor>
#include <QPalette>

class QChart;

namespace jb {

// QtCharts draw in their own theme's colours (light by default), not the widget palette's: this
// gives a chart the palette's base, text and grid colours, and the colour its data is drawn in.
// Charts call it when made and again on every QEvent::PaletteChange (View > Theme).
class ChartPalette final
{
public:
    static void apply(QChart *chart, const QPalette &palette);
    // The data's colour: the palette's highlight, kept visible on its base.
    static QColor accent(const QPalette &palette);
};

} // namespace jb
