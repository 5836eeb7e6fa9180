#pragma once

#include "fieldspec.h"
#include "rowactions.h"

#include <QWidget>

class QAction;
class QLabel;
class QTableView;

namespace jb {

class DocumentEditor;
class LongTextEditor;
class ObjectListModel;

// The items of one object-list field (a server's ports, a contract's fields) of the entity the
// caller selects: a small toolbar, an editable table and, for multi-line item fields (a message
// example's content), an editor beside it for the selected item.
class ObjectListPanel final : public QWidget, public RowActions
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObjectListPanel)

public:
    ObjectListPanel(
        DocumentEditor *editor, const QString &kind, const FieldSpec &list, QWidget *parent = nullptr);

    ObjectListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setEntity(const QString &id);

    QString rowNoun() const override;
    QAbstractItemView *rowView() const override;
    bool canAddRow() const override;
    bool canDuplicateRow() const override;
    bool canRemoveRows() const override;
    void addRow() override;
    void duplicateRow() override;
    void removeRows() override;

private:
    void moveCurrent(int delta);
    void updateActions();
    void showLongText();
    QList<int> selectedRows() const;

    ObjectListModel *m_model;
    QTableView *m_view;
    QString m_noun;
    int m_longTextColumn = -1;
    LongTextEditor *m_longText = nullptr;
    QLabel *m_longTextLabel = nullptr;
    QAction *m_add;
    QAction *m_duplicate;
    QAction *m_remove;
    QAction *m_up;
    QAction *m_down;
};

} // namespace jb
