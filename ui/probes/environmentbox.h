#pragma once

#include "projectdata.h"

#include <QList>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace jb {

class DocumentEditor;

// The environment picker the connectivity tests, the firewall request, the pipe runs and the unit
// tests share: the box of the project's environments, and beside it "New environment…" (an
// undoable add, then the new one is chosen) and a link to the page where environments are edited.
// The page that shows it decides what choosing an environment means; this widget only offers them.
class EnvironmentBox final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentBox)

public:
    EnvironmentBox(DocumentEditor *editor, QWidget *parent = nullptr);

    QComboBox *combo() const { return m_combo; }
    QToolButton *newButton() const { return m_new; }
    QLabel *editLink() const { return m_edit; }

    // Fills `box` with the project's environments without signalling, keeping `environment` when it
    // still exists and otherwise choosing the project's default (updating `environment`).
    static void refill(QComboBox *box, const QList<EntityRecord> &entities, QString &environment);

    // Asks for the new environment's name (a window-modal prompt that does not block), then adds it.
    void askForNew();
    // Adds an environment called `name` as one undoable edit, chooses it and emits created().
    // Returns its id (made from the name, unique in the project).
    QString addEnvironment(const QString &name);

Q_SIGNALS:
    // A new environment `id` was added here; the page makes it its current one.
    void created(const QString &id);
    // "Edit environments" was clicked: the navigator's Environments page should open.
    void editRequested(const QString &id);

private:
    DocumentEditor *m_editor;
    QComboBox *m_combo;
    QToolButton *m_new;
    QLabel *m_edit;
};

} // namespace jb
