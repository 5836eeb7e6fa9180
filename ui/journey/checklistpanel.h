#pragma once

#include "phase.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace jb {

class ChecklistEvidenceProxy;
class ChecklistEvidenceTracker;
class ChecklistModel;
class DocumentEditor;

// One phase's checklist: status (combo), owner and evidence edited in place; item and phase
// sign-offs through a small dialog; custom items added and removed. Every change is undoable.
// In phases 1 and 2 the items that probes test show their latest probe evidence under their title,
// current or stale; that line (or the item's context menu) leads to the tests or the evidence file.
class ChecklistPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecklistPanel)

public:
    ChecklistPanel(DocumentEditor *editor, Phase phase, QWidget *parent = nullptr);

    ChecklistModel *model() const { return m_model; }
    // What the view shows: the model with the items' probe evidence.
    ChecklistEvidenceProxy *viewModel() const { return m_viewModel; }
    // Keeps that evidence current; null in the phases whose items no probe tests.
    ChecklistEvidenceTracker *evidence() const { return m_evidence; }
    QTableView *view() const { return m_view; }
    // Compact: no taller than its items (for pages where the checklist is all there is).
    void setCompact(bool compact);
    // Opens the newest evidence file of the item at `row` with the desktop's viewer.
    bool openEvidenceFile(int row);

Q_SIGNALS:
    // The user asked for the tests behind the evidence of item `itemId` (its evidence line clicked,
    // the item activated, or the context menu); the page that has them shows them.
    void evidenceRequested(const QString &itemId);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showContextMenu(const QPoint &position);
    void requestEvidence(const QModelIndex &index);
    void updateRowHeights();
    void updateColumns();
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
    ChecklistEvidenceProxy *m_viewModel;
    ChecklistEvidenceTracker *m_evidence = nullptr;
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
