#pragma once

#include "kindspec.h"
#include "rowactions.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;

namespace jb {

class DocumentEditor;
class EntityFilterProxy;
class EntityTableModel;
class LongTextEditor;
class ObjectListPanel;

// The entities of one kind (a phase's servers, its databases): a toolbar (Add, Duplicate,
// Remove), a filter box, a sortable and editable table, and beneath it the selected entity's
// object lists (a server's ports) and multi-line fields (its notes).
class EntityPanel final : public QWidget, public RowActions
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityPanel)

public:
    EntityPanel(DocumentEditor *editor, const KindSpec &kind, QWidget *parent = nullptr);

    const KindSpec &kind() const { return m_kind; }
    EntityTableModel *model() const { return m_model; }
    EntityFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QList<ObjectListPanel *> objectLists() const { return m_lists; }

    int currentRow() const; // in the model, -1 when none
    QString currentId() const;
    void selectRow(int modelRow);
    int problemRowCount() const;

    QString rowNoun() const override;
    QAbstractItemView *rowView() const override;
    bool canAddRow() const override;
    bool canDuplicateRow() const override;
    bool canRemoveRows() const override;
    void addRow() override;
    void duplicateRow() override;
    void removeRows() override;

Q_SIGNALS:
    // The number of entities or of problems may have changed (coalesced).
    void summaryChanged();

private:
    QWidget *buildDetails();
    void followCurrent();
    void showLongTexts();
    void updateActions();
    void updateSummary();
    QList<int> selectedRows() const;

    DocumentEditor *m_editor;
    KindSpec m_kind;
    EntityTableModel *m_model;
    EntityFilterProxy *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QLabel *m_count;
    QLabel *m_detailsTitle = nullptr;
    QSplitter *m_splitter;
    QList<ObjectListPanel *> m_lists;
    QList<QPair<QString, LongTextEditor *>> m_longTexts; // field key -> editor
    QString m_currentId;
    QTimer *m_summaryTimer;
    QAction *m_add;
    QAction *m_duplicate;
    QAction *m_remove;
};

} // namespace jb
