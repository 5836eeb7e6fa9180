#pragma once

#include "diagrampicture.h"
#include "journeytimeline.h"

namespace jb {

// The timeline as a Gantt chart: a row per phase (number, title, owner, a "late" mark), its planned
// bar above its actual bar, month labels and week lines, a line for today, a legend. The same chart
// is drawn in the journey report and in the GUI's TimelineView, which also uses the geometry below
// to find the bar under the mouse and to turn a drag into days.
class TimelineChart final
{
public:
    // `range` fixes the first and last day drawn (a view keeps it while a bar is dragged); an
    // invalid range is taken from the timeline and today.
    TimelineChart(JourneyTimeline timeline, QDate today, double width, std::pair<QDate, QDate> range = {});

    DiagramPicture picture() const;
    std::pair<QDate, QDate> range() const { return {m_first, m_last}; }
    double dayWidth() const { return m_dayWidth; }
    double xForDate(QDate day) const; // the left edge of that day's column
    QDate dateAt(double x) const;
    // The bar's rectangle, or an empty one when that bar has no dates.
    QRectF barRect(const QString &phaseKey, JourneyTimeline::Bar bar) const;
    static QString barKey(const QString &phaseKey, JourneyTimeline::Bar bar);

    static constexpr double labelWidth = 150;

private:
    double rowTop(int row) const;

    JourneyTimeline m_timeline;
    QDate m_today;
    double m_width;
    QDate m_first;
    QDate m_last;
    double m_dayWidth = 1;
};

} // namespace jb
