#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTimer;

namespace jb {

class ProjectDocument;
class SequenceDiagramView;

// Picks a flow and shows its sequence diagram, with zoom buttons and SVG, PNG, Mermaid and PlantUML
// export. Follows the project: an edited flow or service redraws the diagram.
class SequenceDiagramPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SequenceDiagramPane)

public:
    explicit SequenceDiagramPane(ProjectDocument *document, QWidget *parent = nullptr);

    SequenceDiagramView *view() const { return m_view; }
    QComboBox *flows() const { return m_flows; }
    void setCurrentFlow(const QString &flowId);
    QString currentFlow() const;

private:
    void refreshFlows();
    void showCurrent();
    void exportDiagram(const QString &suffix);
    void copyText(bool plantUml);

    ProjectDocument *m_document;
    QComboBox *m_flows;
    SequenceDiagramView *m_view;
    QLabel *m_zoom;
    QLabel *m_status;
    QTimer *m_refresh;
};

} // namespace jb
