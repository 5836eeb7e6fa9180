#pragma once

#include <QStyledItemDelegate>

namespace jb {

// Paints a PipeFlowModel row as a card of the flow: a coloured badge for the step type, the step's
// name and id, a one-line summary, and after a run the step's status and duration. Branches are
// slim cards, indented under their choice; a line on the left joins the cards of one level. When the
// pipe's unit tests measured it, a green or red bar on a step card's left edge says whether they ran it.
class StepCardDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepCardDelegate)

public:
    explicit StepCardDelegate(QObject *parent = nullptr);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor typeColor(const QString &type);
    // The bar on a card's left edge after a test run: covered by the unit tests, or not.
    static QColor coverageColor(bool covered);
};

} // namespace jb
