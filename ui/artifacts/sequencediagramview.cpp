#include "sequencediagramview.h"

#include "core/whendone.h"
#include "diagrammarkitem.h"
#include "screeninks.h"
#include "sequencelayout.h"

#include <QFileInfo>
#include <QFuture>
#include <QGraphicsScene>
#include <QSaveFile>
#include <QWheelEvent>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// The worker: values in, an error text out (empty on success).
QString writeDiagram(const DiagramPicture &picture, const QString &title, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"svg") {
        const QByteArray svg = picture.toSvg(title);
        if (file.write(svg) != svg.size())
            return file.errorString();
    } else if (suffix == u"png") {
        if (!picture.toImage(2.0).save(&file, "PNG"))
            return u"the PNG could not be encoded"_s;
    } else {
        file.cancelWriting();
        return u"choose a file ending in .svg or .png"_s;
    }
    return file.commit() ? QString() : file.errorString();
}

} // namespace

SequenceDiagramView::SequenceDiagramView(QWidget *parent)
    : QGraphicsView(parent)
{
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_inks = ScreenInks::forPalette(palette());
    setBackgroundBrush(m_inks.background());
}

void SequenceDiagramView::setDiagram(const SequenceDiagram &diagram)
{
    m_diagram = diagram;
    m_picture = SequenceLayout::layout(diagram, SequenceLayout::Title::Shown);
    scene()->clear();
    for (const DiagramItem &mark : m_picture.items())
        scene()->addItem(new DiagramMarkItem(mark, &m_inks));
    scene()->setSceneRect(QRectF(QPointF(0, 0), m_picture.size()));
}

void SequenceDiagramView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    m_inks = ScreenInks::forPalette(palette());
    setBackgroundBrush(m_inks.background());
    scene()->update();
}

void SequenceDiagramView::setZoom(double factor)
{
    const double zoom = std::clamp(factor, minimumZoom, maximumZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    m_zoom = zoom;
    setTransform(QTransform::fromScale(zoom, zoom));
    Q_EMIT zoomChanged(m_zoom);
}

void SequenceDiagramView::zoomIn()
{
    setZoom(m_zoom * 1.25);
}

void SequenceDiagramView::zoomOut()
{
    setZoom(m_zoom / 1.25);
}

void SequenceDiagramView::resetZoom()
{
    setZoom(1.0);
}

void SequenceDiagramView::fitToView()
{
    const QSizeF size = m_picture.size();
    if (size.isEmpty())
        return;
    const QSizeF room = viewport()->size() - QSizeF(4, 4);
    setZoom(std::min(room.width() / size.width(), room.height() / size.height()));
}

void SequenceDiagramView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const int steps = event->angleDelta().y() / 120;
    if (steps != 0)
        setZoom(m_zoom * std::pow(1.25, steps));
    event->accept();
}

void SequenceDiagramView::exportTo(const QString &path)
{
    whenDone(QtConcurrent::run(writeDiagram, m_picture, m_diagram.title, path), this,
        [this, path](const QString &error) { Q_EMIT exportFinished(path, error); });
}

} // namespace jb
