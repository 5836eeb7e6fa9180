#pragma once

#include <QString>

class QAbstractItemView;

namespace jb {

// What a table panel offers the Edit menu: add, duplicate and remove rows of the table that has
// the keyboard focus. Implemented by EntityPanel (entities) and ObjectListPanel (a server's ports).
class RowActions
{
public:
    virtual ~RowActions() = default;

    virtual QString rowNoun() const = 0; // "server", "port": for the Edit menu's texts
    virtual QAbstractItemView *rowView() const = 0;
    virtual bool canAddRow() const = 0;
    virtual bool canDuplicateRow() const = 0;
    virtual bool canRemoveRows() const = 0;
    virtual void addRow() = 0;
    virtual void duplicateRow() = 0;
    virtual void removeRows() = 0;

protected:
    RowActions() = default;
    RowActions(const RowActions &) = default;
    RowActions &operator=(const RowActions &) = default;
};

} // namespace jb
