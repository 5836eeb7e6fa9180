#pragma once

#include "phase.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace jb {

class ChecklistModel;
class DocumentEditor;

// One phase's checklist: status (combo), owner and evidence edited in place; item and phase
// sign-offs through a small dialog; custom items added and removed. Every change is undoable.
class ChecklistPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecklistPanel)

public:
    ChecklistPanel(DocumentEditor *editor, Phase phase, QWidget *parent = nullptr);

    ChecklistModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Compact: no taller than its items (for pages where the checklist is all there is).
    void setCompact(bool compact);

private:
    QString defaultSigner() const;
    void signOffItem();
    void signOffPhase();
    void clearPhaseSignoff();
    void addItem();
    void updateButtons();
    void fitHeight();

    DocumentEditor *m_editor;
    Phase m_phase;
    ChecklistModel *m_model;
    QTableView *m_view;
    QPushButton *m_signOff;
    QPushButton *m_clearSignoff;
    QPushButton *m_addItem;
    QPushButton *m_removeItem;
    QPushButton *m_phaseSignOff;
    QLabel *m_phaseState;
    bool m_compact = false;
};

} // namespace jb
