#pragma once

#include <QWidget>

class QAbstractItemModel;

namespace jb {

class DocumentEditor;
class EntityPanel;

// The project's environments (test, prod...): their source addresses, variables and secret names.
// A page of its own in the navigator, because the connectivity tests, the firewall request, the
// pipe runs and the tests all run in one, not only the deploy.
class EnvironmentsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentsPage)

public:
    EnvironmentsPage(DocumentEditor *editor, QAbstractItemModel *navigator, QWidget *parent = nullptr);

    EntityPanel *panel() const { return m_panel; }
    // Shows the environment `id` in the editor (when it exists).
    void select(const QString &id);

private:
    DocumentEditor *m_editor;
    EntityPanel *m_panel;
};

} // namespace jb
