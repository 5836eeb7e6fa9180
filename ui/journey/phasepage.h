#pragma once

#include "phase.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QSplitter;
class QTabWidget;
class QVBoxLayout;

namespace jb {

class ChecklistPanel;
class DocumentEditor;
class EntityPanel;
class PageHeader;

// One journey phase: its header, a panel per kind of entity the phase records (tabs when there
// are several) and its checklist. Phases with nothing to record yet say what will come there.
class PhasePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhasePage)

public:
    PhasePage(DocumentEditor *editor, QAbstractItemModel *navigator, Phase phase, QWidget *parent = nullptr);

    Phase phase() const { return m_phase; }
    PageHeader *header() const { return m_header; }
    QList<EntityPanel *> panels() const { return m_panels; }
    EntityPanel *panel(const QString &kind) const;
    ChecklistPanel *checklist() const { return m_checklist; }
    // Shows the panel of `kind` (its tab, when the phase has several).
    void showPanel(const QString &kind);
    // Adds a tool of the phase (probes, the From-To editor, pipes...) as a tab after the entity
    // panels; the page turns its single panel into tabs when the first tool arrives.
    void addToolTab(QWidget *tool, const QString &title);
    QList<QWidget *> tools() const { return m_tools; }
    void showTool(QWidget *tool);
    // Shows the tab whose title starts with `title` (a panel's or a tool's).
    void showTab(const QString &title);
    // Adds a line above the checklist (a link to where something the phase needs is kept).
    void addNote(QWidget *note);

private:
    void updateTab(EntityPanel *panel);
    QTabWidget *ensureTabs();

    Phase m_phase;
    PageHeader *m_header;
    QList<EntityPanel *> m_panels;
    QList<QWidget *> m_tools;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_comingNote = nullptr;
    QVBoxLayout *m_lowerLayout = nullptr;
    ChecklistPanel *m_checklist;
    QSplitter *m_splitter;
};

} // namespace jb
