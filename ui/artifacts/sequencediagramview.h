#pragma once

#include "diagrampicture.h"
#include "sequencediagram.h"

#include <QGraphicsView>

namespace jb {

// A flow's sequence diagram in a QGraphicsView: one item per mark, zoom with Ctrl+wheel or the
// slots below, export to SVG or PNG on a worker thread. Drawn in the palette's inks (a dark page in
// a dark theme); exported files keep the print colours.
class SequenceDiagramView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequenceDiagramView)

public:
    static constexpr double minimumZoom = 0.25;
    static constexpr double maximumZoom = 4.0;

    explicit SequenceDiagramView(QWidget *parent = nullptr);

    // Lays the diagram out (needs fonts: GUI thread, or any thread with a QGuiApplication) and shows it.
    void setDiagram(const SequenceDiagram &diagram);
    const SequenceDiagram &diagram() const { return m_diagram; }
    const DiagramPicture &picture() const { return m_picture; }
    double zoom() const { return m_zoom; }
    const DiagramInks &inks() const { return m_inks; }

    // Writes the diagram to `path`, as SVG or PNG after its suffix, off the GUI thread; ends with
    // one exportFinished().
    void exportTo(const QString &path);

public Q_SLOTS:
    void setZoom(double factor);
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToView();

Q_SIGNALS:
    void zoomChanged(double factor);
    void exportFinished(const QString &path, const QString &errorString);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    SequenceDiagram m_diagram;
    DiagramPicture m_picture;
    DiagramInks m_inks;
    double m_zoom = 1.0;
};

} // namespace jb
