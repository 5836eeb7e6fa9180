#pragma once

#include "diagnostic.h"

#include <QDialog>

namespace jb {

// Lists findings as "file:line:column: message" lines (files that failed to load, invalid values),
// selectable and copyable, so they can be pasted into an editor or a ticket.
class DiagnosticsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsDialog)

public:
    DiagnosticsDialog(const QString &title, const QString &intro, const Diagnostics &diagnostics,
        QWidget *parent = nullptr);
};

} // namespace jb
