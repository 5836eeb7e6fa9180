#pragma once

#include "journeytimeline.h"
#include "timelinechart.h"

#include <QDate>
#include <QWidget>

#include <optional>

namespace jb {

class DocumentEditor;

// The journey's timeline as a Gantt chart (TimelineChart: the same drawing as the report): planned
// and actual bars, today, late phases, owners. Drag a bar to move it, or its ends to change a date;
// each drag is one undoable DocumentEditor::setManifest. Escape cancels a drag.
class TimelineView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    explicit TimelineView(DocumentEditor *editor, QWidget *parent = nullptr);

    void setToday(QDate today);
    QDate today() const { return m_today; }
    // Where a bar is drawn, in widget coordinates; empty when the phase has no such dates.
    QRectF barRect(const QString &phaseKey, JourneyTimeline::Bar bar) const;
    double dayWidth() const;
    bool isDragging() const { return m_drag.has_value(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class Grip
    {
        Move,
        Start,
        End,
    };
    struct Hit
    {
        QString phase;
        JourneyTimeline::Bar bar = JourneyTimeline::Bar::Planned;
        Grip grip = Grip::Move;
    };
    struct Drag
    {
        Hit hit;
        double pressX = 0;
        QDate start; // the bar's dates when the drag began
        QDate end; // invalid for an actual bar still under way
        qint64 days = 0; // how far it has moved
        std::pair<QDate, QDate> range; // the chart's range, kept still while dragging
    };

    TimelineChart chart() const;
    std::optional<Hit> hitAt(QPointF position) const;
    // The dates the dragged bar would get now.
    std::pair<QDate, QDate> draggedDates() const;
    QJsonObject manifestWithDrag() const;
    void updateHeight();

    DocumentEditor *m_editor;
    QDate m_today;
    std::optional<Drag> m_drag;
};

} // namespace jb
