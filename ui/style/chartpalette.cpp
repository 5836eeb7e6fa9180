#include "chartpalette.h"

#include "themecolors.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>

namespace jb {

void ChartPalette::apply(QChart *chart, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = ThemeColors::readable(palette.color(QPalette::Text), base, 7.0);
    const QColor grid = ThemeColors::blend(base, text, 0.15);
    chart->setBackgroundBrush(base);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setLinePenColor(ThemeColors::blend(base, text, 0.4));
    }
    for (QAbstractSeries *series : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets())
                set->setLabelColor(text);
        }
    }
}

QColor ChartPalette::accent(const QPalette &palette)
{
    // graphics need 3:1 against what they are drawn on (WCAG 1.4.11)
    return ThemeColors::readable(palette.color(QPalette::Highlight), palette.color(QPalette::Base), 3.0);
}

} // namespace jb
