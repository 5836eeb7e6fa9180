#include "tablestyle.h"

#include "elidedtooltip.h"

#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace jb {

void TableStyle::apply(QTableView *view)
{
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setWordWrap(false);
    // ids, URLs and paths differ at their ends: cut the middle, and show the whole on hover
    view->setTextElideMode(Qt::ElideMiddle);
    ElidedToolTip::install(view);
    view->setShowGrid(true);
    view->setTabKeyNavigation(false); // Tab leaves the table, as everywhere else
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 12);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = view->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setMinimumSectionSize(48);
}

void TableStyle::fitColumns(QTableView *view, int maxWidth)
{
    QHeaderView *header = view->horizontalHeader();
    const int columns = header->count();
    for (int column = 0; column < columns; ++column) {
        if (header->isSectionHidden(column))
            continue;
        const int contents = std::max(static_cast<QAbstractItemView *>(view)->sizeHintForColumn(column),
            header->sectionSizeHint(column));
        header->resizeSection(column, std::clamp(contents + 12, 72, maxWidth));
    }
}

} // namespace jb
