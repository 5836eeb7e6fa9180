#pragma once

#include <QStyledItemDelegate>

namespace jb {

// Paints a row of the journey navigator: the phase number in a disc, its title, a slim completion
// bar with "n/m", a check mark when the phase is signed off and a red badge with the number of
// problems in its entities. Timeline and Artifacts are plain rows below a divider.
class NavigatorDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigatorDelegate)

public:
    explicit NavigatorDelegate(QObject *parent = nullptr);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace jb
