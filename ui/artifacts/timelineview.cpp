#include "timelineview.h"

#include "documenteditor.h"
#include "projectdocument.h"
#include "screeninks.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr double gripWidth = 5;

QString barName(JourneyTimeline::Bar bar)
{
    return bar == JourneyTimeline::Bar::Planned ? u"planned"_s : u"actual"_s;
}

} // namespace

TimelineView::TimelineView(DocumentEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_today(QDate::currentDate())
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(u"Timeline"_s);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    ProjectDocument *document = m_editor->document();
    const auto changed = [this] {
        m_drag.reset(); // the document moved under the drag: start again from what it holds
        updateHeight();
        update();
    };
    connect(document, &ProjectDocument::manifestChanged, this, changed);
    connect(document, &ProjectDocument::wasReset, this, changed);
    updateHeight();
}

void TimelineView::setToday(QDate today)
{
    m_today = today;
    update();
}

TimelineChart TimelineView::chart() const
{
    const QJsonObject manifest = m_drag ? manifestWithDrag() : m_editor->document()->manifest();
    return TimelineChart(JourneyTimeline::fromManifest(manifest), m_today, width(),
        m_drag ? m_drag->range : std::pair<QDate, QDate>{});
}

QRectF TimelineView::barRect(const QString &phaseKey, JourneyTimeline::Bar bar) const
{
    return chart().barRect(phaseKey, bar);
}

double TimelineView::dayWidth() const
{
    return chart().dayWidth();
}

QSize TimelineView::sizeHint() const
{
    return QSize(900, minimumSizeHint().height());
}

QSize TimelineView::minimumSizeHint() const
{
    const TimelineChart sample(JourneyTimeline::fromManifest(m_editor->document()->manifest()), m_today, 400);
    return QSize(400, int(std::ceil(sample.picture().size().height())));
}

void TimelineView::updateHeight()
{
    setFixedHeight(minimumSizeHint().height());
}

std::optional<TimelineView::Hit> TimelineView::hitAt(QPointF position) const
{
    const TimelineChart current = chart();
    const JourneyTimeline timeline = JourneyTimeline::fromManifest(m_editor->document()->manifest());
    for (const TimelinePhase &phase : timeline.phases()) {
        // the actual bar is drawn over the planned one's row half: test it first
        for (const JourneyTimeline::Bar bar : {JourneyTimeline::Bar::Actual, JourneyTimeline::Bar::Planned}) {
            const QRectF rect = current.barRect(phase.key, bar);
            if (rect.isEmpty() || !rect.adjusted(-gripWidth, -2, gripWidth, 2).contains(position))
                continue;
            Grip grip = Grip::Move;
            if (position.x() <= rect.left() + gripWidth && rect.width() > 3 * gripWidth)
                grip = Grip::Start;
            else if (position.x() >= rect.right() - gripWidth)
                grip = Grip::End;
            else if (position.x() < rect.left())
                grip = Grip::Start;
            return Hit{phase.key, bar, grip};
        }
    }
    return std::nullopt;
}

std::pair<QDate, QDate> TimelineView::draggedDates() const
{
    if (!m_drag)
        return {};
    QDate start = m_drag->start;
    QDate end = m_drag->end;
    const qint64 days = m_drag->days;
    switch (m_drag->hit.grip) {
    case Grip::Move:
        start = start.addDays(days);
        if (end.isValid())
            end = end.addDays(days);
        break;
    case Grip::Start:
        start = start.addDays(days);
        if (end.isValid() && start > end)
            start = end;
        break;
    case Grip::End: {
        // an actual bar under way is drawn up to today: dragging its end finishes it
        const QDate shown = end.isValid() ? end : std::max(start, m_today);
        end = std::max(start, shown.addDays(days));
        break;
    }
    }
    return {start, end};
}

QJsonObject TimelineView::manifestWithDrag() const
{
    const auto [start, end] = draggedDates();
    return JourneyTimeline::withBar(
        m_editor->document()->manifest(), m_drag->hit.phase, m_drag->hit.bar, start, end);
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    // the palette's inks: the print colours in a light theme, a dark page in a dark one
    const DiagramInks inks = ScreenInks::forPalette(palette());
    painter.fillRect(rect(), inks.background());
    chart().picture().paint(painter, inks);
    if (hasFocus()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1));
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const std::optional<Hit> hit = hitAt(event->position());
    if (!hit)
        return;
    const JourneyTimeline timeline = JourneyTimeline::fromManifest(m_editor->document()->manifest());
    const TimelinePhase *entry = timeline.phase(hit->phase);
    if (!entry)
        return;
    Drag drag;
    drag.hit = *hit;
    drag.pressX = event->position().x();
    drag.start = hit->bar == JourneyTimeline::Bar::Planned ? entry->plannedStart : entry->actualStart;
    drag.end = hit->bar == JourneyTimeline::Bar::Planned ? entry->plannedEnd : entry->actualEnd;
    drag.range = chart().range();
    m_drag = drag;
    setCursor(hit->grip == Grip::Move ? Qt::ClosedHandCursor : Qt::SizeHorCursor);
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag) {
        const qint64 days = qint64(std::lround((event->position().x() - m_drag->pressX) / dayWidth()));
        if (days != m_drag->days) {
            m_drag->days = days;
            update();
        }
        return;
    }
    const std::optional<Hit> hit = hitAt(event->position());
    if (!hit)
        unsetCursor();
    else
        setCursor(hit->grip == Grip::Move ? Qt::OpenHandCursor : Qt::SizeHorCursor);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_drag || event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = *m_drag;
    const QJsonObject manifest = manifestWithDrag();
    m_drag.reset();
    unsetCursor();
    update();
    if (drag.days == 0)
        return;
    // the phase points into the timeline, which must outlive its use below
    const JourneyTimeline timeline = JourneyTimeline::fromManifest(manifest);
    const TimelinePhase *phase = timeline.phase(drag.hit.phase);
    const QString what = drag.hit.grip == Grip::Move ? u"Move the %1 dates of %2"_s
        : drag.hit.grip == Grip::Start               ? u"Change the %1 start of %2"_s
                                                     : u"Change the %1 end of %2"_s;
    m_editor->setManifest(manifest, what.arg(barName(drag.hit.bar), phase ? phase->title : drag.hit.phase));
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_drag) {
        m_drag.reset();
        unsetCursor();
        update();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto *help = static_cast<QHelpEvent *>(event);
    const std::optional<Hit> hit = hitAt(help->pos());
    const JourneyTimeline timeline = JourneyTimeline::fromManifest(m_editor->document()->manifest());
    const TimelinePhase *phase = hit ? timeline.phase(hit->phase) : nullptr;
    if (!phase) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    const bool planned = hit->bar == JourneyTimeline::Bar::Planned;
    const QDate start = planned ? phase->plannedStart : phase->actualStart;
    const QDate end = planned ? phase->plannedEnd : phase->actualEnd;
    QToolTip::showText(help->globalPos(),
        u"%1 — %2: %3 → %4\nOwner: %5\nState: %6\nDrag to move; drag an end to change one date."_s.arg(
            phase->title, barName(hit->bar), start.toString(Qt::ISODate),
            end.isValid() ? end.toString(Qt::ISODate) : u"under way"_s,
            phase->owner.isEmpty() ? u"none"_s : phase->owner,
            TimelinePhase::stateLabel(phase->state(m_today))),
        this);
    return true;
}

} // namespace jb
