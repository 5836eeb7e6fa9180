#include "sequencediagrampane.h"

#include "projectdocument.h"
#include "sequencediagrambuilder.h"
#include "sequencediagramtext.h"
#include "sequencediagramview.h"

#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

SequenceDiagramPane::SequenceDiagramPane(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_flows(new QComboBox(this))
    , m_view(new SequenceDiagramView(this))
    , m_zoom(new QLabel(this))
    , m_status(new QLabel(this))
    , m_refresh(new QTimer(this))
{
    m_flows->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_flows->setAccessibleName(u"Flow"_s);
    const auto button = [this](const QString &text, const QString &tip) {
        auto *tool = new QToolButton(this);
        tool->setText(text);
        tool->setToolTip(tip);
        tool->setAutoRaise(true);
        return tool;
    };
    QToolButton *zoomOut = button(u"−"_s, u"Zoom out (Ctrl+wheel)"_s);
    QToolButton *zoomIn = button(u"+"_s, u"Zoom in (Ctrl+wheel)"_s);
    QToolButton *actual = button(u"100 %"_s, u"Actual size"_s);
    QToolButton *fit = button(u"Fit"_s, u"Fit the diagram to the view"_s);
    QToolButton *svg = button(u"SVG…"_s, u"Export the diagram as SVG"_s);
    QToolButton *png = button(u"PNG…"_s, u"Export the diagram as PNG"_s);
    QToolButton *mermaid = button(u"Copy Mermaid"_s, u"Copy the diagram as Mermaid text"_s);
    QToolButton *plantUml = button(u"Copy PlantUML"_s, u"Copy the diagram as PlantUML text"_s);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(4);
    bar->addWidget(new QLabel(u"Flow:"_s, this));
    bar->addWidget(m_flows);
    bar->addSpacing(12);
    for (QWidget *widget : {static_cast<QWidget *>(zoomOut), static_cast<QWidget *>(m_zoom),
             static_cast<QWidget *>(zoomIn), static_cast<QWidget *>(actual), static_cast<QWidget *>(fit)})
        bar->addWidget(widget);
    bar->addStretch(1);
    for (QToolButton *tool : {svg, png, mermaid, plantUml})
        bar->addWidget(tool);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    m_zoom->setText(u"100 %"_s);
    connect(zoomOut, &QToolButton::clicked, m_view, &SequenceDiagramView::zoomOut);
    connect(zoomIn, &QToolButton::clicked, m_view, &SequenceDiagramView::zoomIn);
    connect(actual, &QToolButton::clicked, m_view, &SequenceDiagramView::resetZoom);
    connect(fit, &QToolButton::clicked, m_view, &SequenceDiagramView::fitToView);
    connect(m_view, &SequenceDiagramView::zoomChanged, m_zoom,
        [this](double factor) { m_zoom->setText(u"%1 %"_s.arg(qRound(factor * 100))); });
    connect(svg, &QToolButton::clicked, this, [this] { exportDiagram(u"svg"_s); });
    connect(png, &QToolButton::clicked, this, [this] { exportDiagram(u"png"_s); });
    connect(mermaid, &QToolButton::clicked, this, [this] { copyText(false); });
    connect(plantUml, &QToolButton::clicked, this, [this] { copyText(true); });
    connect(m_view, &SequenceDiagramView::exportFinished, this,
        [this](const QString &path, const QString &error) {
            m_status->setText(error.isEmpty()
                    ? u"Saved %1"_s.arg(QDir::toNativeSeparators(path))
                    : u"Could not save %1: %2"_s.arg(QDir::toNativeSeparators(path), error));
        });
    connect(m_flows, &QComboBox::currentIndexChanged, this, &SequenceDiagramPane::showCurrent);

    // edits arrive in bursts (an undo of several fields): redraw once they settle
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(200);
    connect(m_refresh, &QTimer::timeout, this, &SequenceDiagramPane::refreshFlows);
    const auto later = [this] { m_refresh->start(); };
    connect(m_document, &ProjectDocument::wasReset, this, later);
    connect(m_document, &ProjectDocument::entityInserted, this, later);
    connect(m_document, &ProjectDocument::entityRemoved, this, later);
    connect(m_document, &ProjectDocument::entityChanged, this, later);
    refreshFlows();
}

void SequenceDiagramPane::setCurrentFlow(const QString &flowId)
{
    const int index = m_flows->findData(flowId);
    if (index >= 0)
        m_flows->setCurrentIndex(index);
}

QString SequenceDiagramPane::currentFlow() const
{
    return m_flows->currentData().toString();
}

void SequenceDiagramPane::refreshFlows()
{
    const QString current = currentFlow();
    {
        const QSignalBlocker blocker(m_flows);
        m_flows->clear();
        QList<EntityRecord> flows = m_document->entities(u"flow"_s);
        std::sort(flows.begin(), flows.end(),
            [](const EntityRecord &a, const EntityRecord &b) { return a.id() < b.id(); });
        for (const EntityRecord &flow : std::as_const(flows))
            m_flows->addItem(flow.name().isEmpty() ? flow.id() : flow.name(), flow.id());
        const int index = m_flows->findData(current);
        m_flows->setCurrentIndex(index >= 0 ? index : 0);
    }
    showCurrent();
}

void SequenceDiagramPane::showCurrent()
{
    const QString flow = currentFlow();
    m_view->setDiagram(flow.isEmpty() ? SequenceDiagram()
                                      : SequenceDiagramBuilder::forFlow(m_document->allEntities(), flow));
    m_status->setText(
        flow.isEmpty() ? u"No flow is recorded yet: add one in phase 3 (Systems)."_s : QString());
}

void SequenceDiagramPane::exportDiagram(const QString &suffix)
{
    const QString flow = currentFlow();
    if (flow.isEmpty())
        return;
    const QString folder = m_document->hasFolder() ? m_document->folder() : QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(this, u"Export the sequence diagram"_s,
        QDir(folder).filePath(u"sequence-%1.%2"_s.arg(flow, suffix)),
        suffix == u"svg" ? u"SVG images (*.svg)"_s : u"PNG images (*.png)"_s);
    if (path.isEmpty())
        return;
    m_status->setText(u"Saving…"_s);
    m_view->exportTo(path);
}

void SequenceDiagramPane::copyText(bool plantUml)
{
    const SequenceDiagram &diagram = m_view->diagram();
    if (diagram.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(
        plantUml ? SequenceDiagramText::plantUml(diagram) : SequenceDiagramText::mermaid(diagram));
    m_status->setText(
        plantUml ? u"PlantUML copied to the clipboard."_s : u"Mermaid copied to the clipboard."_s);
}

} // namespace jb
