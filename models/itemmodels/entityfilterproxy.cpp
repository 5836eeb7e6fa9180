#include "entityfilterproxy.h"

#include "entitytablemodel.h"

using namespace Qt::StringLiterals;

namespace jb {

EntityFilterProxy::EntityFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(EntityTableModel::SortRole);
    setDynamicSortFilter(true);
    // A row's problems can change without its text changing (a reference mended by adding the
    // entity it names). Qt 6.4 re-filters on any dataChanged; later versions may skip rows whose
    // change does not name the filter role, so "!problems" asks for a re-filter itself.
    connect(this, &QAbstractProxyModel::sourceModelChanged, this, [this] {
        disconnect(m_sourceDataChanged);
        if (!sourceModel())
            return;
        m_sourceDataChanged = connect(sourceModel(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (m_filter.onlyProblems() && roles.contains(EntityTableModel::RowProblemCountRole))
                    invalidateFilter();
            });
    });
}

void EntityFilterProxy::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_filter = EntityFilter(text);
    invalidateFilter();
}

bool EntityFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.isEmpty())
        return true;
    const QAbstractItemModel *source = sourceModel();
    const int columns = source->columnCount(sourceParent);
    QList<QPair<QString, QString>> cells;
    cells.reserve(columns);
    for (int column = 0; column < columns; ++column) {
        const QModelIndex cell = source->index(sourceRow, column, sourceParent);
        cells.append(
            {cell.data(EntityTableModel::FieldKeyRole).toString(), cell.data(Qt::DisplayRole).toString()});
    }
    const int problems = m_filter.onlyProblems()
        ? source->index(sourceRow, 0, sourceParent).data(EntityTableModel::RowProblemCountRole).toInt()
        : 0;
    return m_filter.accepts(cells, problems);
}

bool EntityFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    // numbers before text, numbers by value, text in the user's collation; a strict weak order
    // even when a column mixes both (a port typed as letters in a hand-edited file)
    const bool aNumber = a.typeId() == QMetaType::Double;
    const bool bNumber = b.typeId() == QMetaType::Double;
    if (aNumber != bNumber)
        return aNumber;
    if (aNumber)
        return a.toDouble() < b.toDouble();
    return a.toString().localeAwareCompare(b.toString()) < 0;
}

} // namespace jb
