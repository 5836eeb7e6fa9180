#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

class QAbstractItemView;

namespace jb {

// The cells of a checklist: the status as a coloured dot before its label (grey open, amber in
// progress, green done, faint not applicable), edited with a combo box of the model's labels; an
// unsigned item that the journey wants signed says so in its sign-off cell. An item that probes
// evidence gets a second line under its title (ChecklistEvidenceProxy's roles): a dot and what the
// evidence says, green when current, amber when stale, grey when missing; that line is a link.
class ChecklistDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecklistDelegate)

public:
    // `parent` is the view: the delegate sets the hand cursor on its viewport over a link.
    explicit ChecklistDelegate(QAbstractItemView *parent);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;
    // A value cut to its column's width shows whole in its tooltip.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(
        QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor statusColor(int status);
    // The evidence line's text colour for an ItemEvidence::State (-1: not known yet), readable on
    // `palette`'s base colour, light or dark.
    static QColor evidenceColor(int state, const QPalette &palette);
    // The height of a row whose item shows an evidence line, in `view`'s font.
    static int evidenceRowHeight(const QWidget *view);
    // Where the evidence line of the item at `option.rect` is drawn (dot and text): what a click hits.
    static QRect evidenceLinkRect(const QStyleOptionViewItem &option, const QModelIndex &index);

Q_SIGNALS:
    // The evidence line of the item at `index` was clicked.
    void evidenceClicked(const QModelIndex &index);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void commitAndClose();
    void setLinkHovered(const QModelIndex &index);

    bool viewAlive() const;

    QAbstractItemView *m_view;
    // The view as a QObject, taken while it was whole: asking it for its class is valid even while
    // it is being destroyed, which is when its viewport may still send us a Leave.
    QObject *m_viewObject;
    QObject *m_viewport; // compared with, never called
    QPersistentModelIndex m_hoveredLink; // the item whose evidence line is under the mouse
};

} // namespace jb
