#pragma once

#include "diagnostic.h"

#include <QDialog>

class QTreeWidget;

namespace jb {

// Lists findings one per row (where, what), each row that is about a field of an entity opening it
// (double-click, Enter or Open); Copy gives them as "file:line:column: message" lines, for an
// editor or a ticket. Not modal: the window stays usable while the list is open.
class DiagnosticsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsDialog)

public:
    // Paths are shown relative to `baseFolder` when they lie inside it.
    DiagnosticsDialog(const QString &title, const QString &intro, const Diagnostics &diagnostics,
        const QString &baseFolder = {}, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    // The text Copy puts on the clipboard.
    QString copiedText() const;

Q_SIGNALS:
    // The user asked to see the entity field `diagnostic` is about.
    void openRequested(const jb::Diagnostic &diagnostic);

private:
    void openCurrent();

    Diagnostics m_diagnostics;
    QTreeWidget *m_list;
};

} // namespace jb
