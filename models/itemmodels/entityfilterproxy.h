#pragma once

#include "entityfilter.h"

#include <QSortFilterProxyModel>

namespace jb {

// Sorts an EntityTableModel by its SortRole (numbers as numbers) and filters it with an
// EntityFilter; the predicate lives in EntityFilter, this class only adapts it.
class EntityFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityFilterProxy)

public:
    explicit EntityFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    EntityFilter m_filter;
    QMetaObject::Connection m_sourceDataChanged;
};

} // namespace jb
