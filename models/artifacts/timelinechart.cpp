#include "timelinechart.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

using Tone = DiagramItem::Tone;
using Bar = JourneyTimeline::Bar;

constexpr double chartMargin = 8;
constexpr double axisHeight = 30;
constexpr double rowHeight = 28;
constexpr double legendHeight = 26;

DiagramItem text(
    const QRectF &rect, const QString &content, double size, Tone tone, int align, bool bold = false)
{
    DiagramItem item;
    item.kind = DiagramItem::Kind::Text;
    item.rect = rect;
    item.text = content;
    item.fontSize = size;
    item.tone = tone;
    item.align = align;
    item.bold = bold;
    return item;
}

DiagramItem line(const QLineF &segment, Tone tone, bool dashed = false, bool bold = false)
{
    DiagramItem item;
    item.kind = DiagramItem::Kind::Line;
    item.line = segment;
    item.tone = tone;
    item.dashed = dashed;
    item.bold = bold;
    return item;
}

DiagramItem box(const QRectF &rect, Tone tone, const QString &key = {}, bool dashed = false)
{
    DiagramItem item;
    item.kind = DiagramItem::Kind::Box;
    item.rect = rect;
    item.tone = tone;
    item.key = key;
    item.dashed = dashed;
    return item;
}

} // namespace

TimelineChart::TimelineChart(
    JourneyTimeline timeline, QDate today, double width, std::pair<QDate, QDate> range)
    : m_timeline(std::move(timeline))
    , m_today(today)
    , m_width(std::max(width, labelWidth + 120))
{
    if (range.first.isValid() && range.second.isValid() && range.first <= range.second) {
        m_first = range.first;
        m_last = range.second;
    } else {
        const auto [first, last] = m_timeline.range(today);
        m_first = first.addDays(-3);
        m_last = last.addDays(4);
    }
    const qint64 days = m_first.daysTo(m_last) + 1;
    m_dayWidth = (m_width - labelWidth - 2 * chartMargin) / double(days);
}

double TimelineChart::xForDate(QDate day) const
{
    return chartMargin + labelWidth + double(m_first.daysTo(day)) * m_dayWidth;
}

QDate TimelineChart::dateAt(double x) const
{
    return m_first.addDays(qint64(std::floor((x - chartMargin - labelWidth) / m_dayWidth)));
}

double TimelineChart::rowTop(int row) const
{
    return chartMargin + axisHeight + row * rowHeight;
}

QString TimelineChart::barKey(const QString &phaseKey, Bar bar)
{
    return (bar == Bar::Planned ? u"planned:"_s : u"actual:"_s) + phaseKey;
}

QRectF TimelineChart::barRect(const QString &phaseKey, Bar bar) const
{
    const QList<TimelinePhase> &phases = m_timeline.phases();
    for (int row = 0; row < phases.size(); ++row) {
        const TimelinePhase &phase = phases.at(row);
        if (phase.key != phaseKey)
            continue;
        QDate start = bar == Bar::Planned ? phase.plannedStart : phase.actualStart;
        QDate end = bar == Bar::Planned ? phase.plannedEnd : phase.actualEnd;
        if (bar == Bar::Actual && start.isValid() && !end.isValid())
            end = std::max(start, m_today); // under way: up to today
        if (!start.isValid() || !end.isValid() || end < start)
            return {};
        const double top = rowTop(row) + (bar == Bar::Planned ? 5 : 15);
        return QRectF(xForDate(start), top, xForDate(end.addDays(1)) - xForDate(start), 9);
    }
    return {};
}

DiagramPicture TimelineChart::picture() const
{
    const QList<TimelinePhase> &phases = m_timeline.phases();
    const double chartLeft = chartMargin + labelWidth;
    const double chartRight = m_width - chartMargin;
    const double rowsBottom = rowTop(int(phases.size()));
    DiagramPicture picture(QSizeF(m_width, rowsBottom + legendHeight + chartMargin));

    // zebra rows, then the calendar: a line per week (Mondays), a label per month
    for (int row = 0; row < phases.size(); row += 2)
        picture.add(box(QRectF(chartMargin, rowTop(row), m_width - 2 * chartMargin, rowHeight), Tone::Grid));
    const QLocale locale(QLocale::English);
    for (QDate day = m_first; day <= m_last; day = day.addDays(1)) {
        const double x = xForDate(day);
        if (day.dayOfWeek() == Qt::Monday)
            picture.add(line(QLineF(x, chartMargin + axisHeight - 6, x, rowsBottom), Tone::Grid));
        if (day.day() == 1 || day == m_first) {
            picture.add(line(QLineF(x, chartMargin + 2, x, rowsBottom), Tone::Frame));
            const QDate monthEnd = QDate(day.year(), day.month(), day.daysInMonth());
            const double right = std::min(chartRight, xForDate(std::min(monthEnd, m_last).addDays(1)));
            if (right - x > 26)
                picture.add(text(QRectF(x + 3, chartMargin + 2, right - x - 4, 12),
                    locale.toString(day, u"MMM yyyy"_s), 7, Tone::Muted, Qt::AlignLeft | Qt::AlignVCenter));
        }
    }
    picture.add(
        line(QLineF(chartLeft, chartMargin + axisHeight, chartRight, chartMargin + axisHeight), Tone::Frame));

    for (int row = 0; row < phases.size(); ++row) {
        const TimelinePhase &phase = phases.at(row);
        const double top = rowTop(row);
        const bool late = phase.isLate(m_today);
        DiagramItem title = text(QRectF(chartMargin + 4, top + 3, labelWidth - 44, 12),
            u"%1  %2"_s.arg(Phases::number(phase.phase)).arg(phase.title), 8, late ? Tone::Error : Tone::Ink,
            Qt::AlignLeft | Qt::AlignVCenter, true);
        title.key = u"row:"_s + phase.key;
        picture.add(title);
        picture.add(text(QRectF(chartMargin + 14, top + 15, labelWidth - 54, 11),
            phase.owner.isEmpty() ? u"no owner"_s : phase.owner, 7, Tone::Muted,
            Qt::AlignLeft | Qt::AlignVCenter));
        if (late) {
            DiagramItem mark = box(QRectF(chartMargin + labelWidth - 38, top + 8, 30, 12), Tone::Late);
            mark.text = u"late"_s;
            mark.fontSize = 7;
            mark.bold = true;
            mark.align = Qt::AlignCenter;
            picture.add(mark);
        }
        const QRectF planned = barRect(phase.key, Bar::Planned);
        if (!planned.isEmpty()) {
            // a missed plan is drawn red, so late phases stand out without reading dates
            picture.add(
                box(planned, late ? Tone::PlannedLate : Tone::Planned, barKey(phase.key, Bar::Planned)));
        }
        const QRectF actual = barRect(phase.key, Bar::Actual);
        if (!actual.isEmpty()) {
            const bool ongoing = !phase.actualEnd.isValid();
            picture.add(box(actual, Tone::Actual, barKey(phase.key, Bar::Actual), ongoing));
        }
    }

    // the same clipping rule as the bars: today is drawn when it falls inside the range
    if (m_today >= m_first && m_today <= m_last) {
        const double x = xForDate(m_today) + m_dayWidth / 2;
        picture.add(
            line(QLineF(x, chartMargin + axisHeight - 10, x, rowsBottom + 2), Tone::Today, false, true));
        picture.add(text(QRectF(x - 50, chartMargin + 14, 100, 10),
            u"today "_s + locale.toString(m_today, u"d MMM"_s), 7, Tone::Today, Qt::AlignCenter, true));
    }

    // legend
    const double y = rowsBottom + 9;
    double x = chartLeft;
    const auto legend = [&](const DiagramItem &swatch, const QString &label) {
        picture.add(swatch);
        picture.add(
            text(QRectF(x + 22, y - 2, 90, 12), label, 7, Tone::Muted, Qt::AlignLeft | Qt::AlignVCenter));
        x += 26 + 70;
    };
    legend(box(QRectF(x, y, 18, 8), Tone::Planned), u"planned"_s);
    legend(box(QRectF(x, y, 18, 8), Tone::Actual), u"actual"_s);
    legend(box(QRectF(x, y, 18, 8), Tone::Actual, {}, true), u"under way"_s);
    legend(box(QRectF(x, y, 18, 8), Tone::PlannedLate), u"late"_s);
    legend(line(QLineF(x + 9, y - 3, x + 9, y + 11), Tone::Today, false, true), u"today"_s);
    return picture;
}

} // namespace jb
