#include "checklistdelegate.h"

#include "checklistevidenceproxy.h"
#include "checklistmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr int lineGap = 2; // between the title and the evidence line
constexpr int dotSize = 8;
constexpr int dotGap = 6;

QFont smallFont(const QFont &font)
{
    QFont small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(font.pointSizeF() * 0.9);
    else
        small.setPixelSize(std::max(1, font.pixelSize() * 9 / 10));
    return small;
}

bool showsEvidence(const QModelIndex &index)
{
    return index.column() == ChecklistModel::TitleColumn
        && index.data(ChecklistEvidenceProxy::EvidencedRole).toBool();
}

// Where the two lines of an evidenced item go: the title on top, the dot and the evidence below,
// centred together in the cell.
struct EvidenceLayout
{
    QRect title;
    QRect dot;
    QRect text;
    QFont font;
    QString elided;
};

EvidenceLayout evidenceLayout(const QStyleOptionViewItem &option, const QString &line)
{
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect area = option.rect.adjusted(margin, 0, -margin, 0);
    const QFontMetrics titleMetrics(option.font);
    EvidenceLayout layout;
    layout.font = smallFont(option.font);
    const QFontMetrics smallMetrics(layout.font);
    const int height = titleMetrics.height() + lineGap + smallMetrics.height();
    const int top = area.top() + std::max(0, (area.height() - height) / 2);
    layout.title = QRect(area.left(), top, area.width(), titleMetrics.height());
    const int lineTop = layout.title.bottom() + 1 + lineGap;
    layout.dot = QRect(area.left() + 1, lineTop + (smallMetrics.height() - dotSize) / 2, dotSize, dotSize);
    const int textLeft = layout.dot.right() + 1 + dotGap;
    layout.elided = smallMetrics.elidedText(line, Qt::ElideRight, std::max(0, area.right() + 1 - textLeft));
    layout.text
        = QRect(textLeft, lineTop, smallMetrics.horizontalAdvance(layout.elided), smallMetrics.height());
    return layout;
}

} // namespace

ChecklistDelegate::ChecklistDelegate(QAbstractItemView *parent)
    : QStyledItemDelegate(parent)
    , m_view(parent)
    , m_viewObject(parent)
    , m_viewport(parent->viewport())
{
    // a link answers the mouse before it is clicked: the hand cursor and an underline
    m_view->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
}

bool ChecklistDelegate::eventFilter(QObject *watched, QEvent *event)
{
    // the viewport only tells when the mouse left; the base class filters the editors
    if (watched == m_viewport) {
        if (event->type() == QEvent::Leave && viewAlive())
            setLinkHovered({});
        return false;
    }
    return QStyledItemDelegate::eventFilter(watched, event);
}

QColor ChecklistDelegate::evidenceColor(int state, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (state) {
    case static_cast<int>(ItemEvidence::State::Current):
        return dark ? QColor(0x6c, 0xd0, 0x96) : QColor(0x1c, 0x7a, 0x43);
    case static_cast<int>(ItemEvidence::State::Stale):
        return dark ? QColor(0xf2, 0xb4, 0x4c) : QColor(0xa6, 0x52, 0x00);
    case static_cast<int>(ItemEvidence::State::Failed):
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
    default:
        return palette.color(QPalette::PlaceholderText);
    }
}

int ChecklistDelegate::evidenceRowHeight(const QWidget *view)
{
    // the padding of a one-line row (TableStyle: font height + 12), around two lines
    return view->fontMetrics().height() + lineGap + QFontMetrics(smallFont(view->font())).height() + 12;
}

QRect ChecklistDelegate::evidenceLinkRect(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!showsEvidence(index))
        return {};
    const EvidenceLayout layout
        = evidenceLayout(option, index.data(ChecklistEvidenceProxy::EvidenceTextRole).toString());
    return layout.dot.united(layout.text).adjusted(-1, -1, 1, 1);
}

void ChecklistDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!showsEvidence(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection, focus

    const EvidenceLayout layout
        = evidenceLayout(opt, index.data(ChecklistEvidenceProxy::EvidenceTextRole).toString());
    const QVariant stateValue = index.data(ChecklistEvidenceProxy::EvidenceStateRole);
    const int state = stateValue.isValid() ? stateValue.toInt() : -1;
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
        : (opt.state & QStyle::State_Active)                                ? QPalette::Normal
                                                                            : QPalette::Inactive;
    const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);

    painter->save();
    painter->setFont(opt.font);
    painter->setPen(text);
    painter->drawText(layout.title, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(opt.font).elidedText(title, opt.textElideMode, layout.title.width()));

    // the dot: filled green or amber like the status dots; a ring while nothing was tested
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF dot = QRectF(layout.dot).adjusted(0.5, 0.5, -0.5, -0.5);
    if (state == static_cast<int>(ItemEvidence::State::Failed)) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(evidenceColor(state, opt.palette));
    } else if (state == static_cast<int>(ItemEvidence::State::Current)
        || state == static_cast<int>(ItemEvidence::State::Stale)) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(statusColor(static_cast<int>(state == static_cast<int>(ItemEvidence::State::Current)
                ? ChecklistItem::Status::Done
                : ChecklistItem::Status::InProgress)));
    } else {
        painter->setPen(QPen(selected ? text : evidenceColor(state, opt.palette), 1.2));
        painter->setBrush(Qt::NoBrush);
    }
    painter->drawEllipse(dot);

    QFont font = layout.font;
    font.setUnderline(m_hoveredLink.isValid() && m_hoveredLink == index);
    painter->setFont(font);
    painter->setPen(selected ? text : evidenceColor(state, opt.palette));
    painter->drawText(layout.text, Qt::AlignLeft | Qt::AlignVCenter, layout.elided);
    painter->restore();
}

QSize ChecklistDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (showsEvidence(index)) {
        const QString line = index.data(ChecklistEvidenceProxy::EvidenceTextRole).toString();
        const int lineWidth = dotSize + dotGap + QFontMetrics(smallFont(option.font)).horizontalAdvance(line);
        size.setWidth(std::max(size.width(), lineWidth + 8));
        size.setHeight(std::max(size.height(), evidenceRowHeight(m_view)));
    }
    return size;
}

bool ChecklistDelegate::helpEvent(
    QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip && index.data(Qt::ToolTipRole).isNull()) {
        QStyleOptionViewItem shown = option;
        initStyleOption(&shown, index);
        const QStyle *style = view ? view->style() : QApplication::style();
        const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &shown, view);
        if (!shown.text.isEmpty() && shown.fontMetrics.horizontalAdvance(shown.text) > text.width()) {
            QToolTip::showText(event->globalPos(), shown.text, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

bool ChecklistDelegate::editorEvent(
    QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QEvent::Type type = event->type();
    if (type == QEvent::MouseMove || type == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const bool onLink = evidenceLinkRect(option, index).contains(mouse->position().toPoint());
        if (type == QEvent::MouseMove)
            setLinkHovered(onLink ? index : QModelIndex());
        else if (onLink && mouse->button() == Qt::LeftButton) {
            Q_EMIT evidenceClicked(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

// While the view is destroyed its class is already QWidget's: then it has no viewport or items to
// repaint, and calling them would use a view that is no more.
bool ChecklistDelegate::viewAlive() const
{
    return qobject_cast<QAbstractItemView *>(m_viewObject) != nullptr;
}

void ChecklistDelegate::setLinkHovered(const QModelIndex &index)
{
    if (QModelIndex(m_hoveredLink) == index)
        return;
    const QModelIndex before = m_hoveredLink;
    m_hoveredLink = index;
    if (index.isValid())
        m_view->viewport()->setCursor(Qt::PointingHandCursor);
    else
        m_view->viewport()->unsetCursor();
    if (before.isValid())
        m_view->update(before);
    if (index.isValid())
        m_view->update(index);
}

QColor ChecklistDelegate::statusColor(int status)
{
    switch (static_cast<ChecklistItem::Status>(status)) {
    case ChecklistItem::Status::InProgress:
        return QColor(0xe0, 0x9b, 0x2d);
    case ChecklistItem::Status::Done:
        return QColor(0x2e, 0x9d, 0x5b);
    case ChecklistItem::Status::NotApplicable:
        return QColor(0x9a, 0xa4, 0xae, 0x90);
    default:
        return QColor(0x8a, 0x94, 0x9e);
    }
}

QWidget *ChecklistDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != ChecklistModel::StatusColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->setFrame(false);
    const QStringList labels = index.data(ChecklistModel::StatusChoicesRole).toStringList();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        QPixmap dot(12, 12);
        dot.fill(Qt::transparent);
        QPainter painter(&dot);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(statusColor(static_cast<int>(i)));
        painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
        painter.end();
        combo->addItem(QIcon(dot), labels.at(i), static_cast<int>(i));
    }
    // a choice made is a choice committed: no need to leave the cell first
    connect(combo, &QComboBox::activated, this, &ChecklistDelegate::commitAndClose);
    return combo;
}

void ChecklistDelegate::commitAndClose()
{
    if (auto *combo = qobject_cast<QComboBox *>(sender())) {
        Q_EMIT commitData(combo);
        Q_EMIT closeEditor(combo);
    }
}

void ChecklistDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo || index.column() != ChecklistModel::StatusColumn) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    combo->setCurrentIndex(combo->findData(index.data(ChecklistModel::StatusRole).toInt()));
}

void ChecklistDelegate::setModelData(
    QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo || index.column() != ChecklistModel::StatusColumn) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    model->setData(index, combo->currentData(), Qt::EditRole);
}

void ChecklistDelegate::updateEditorGeometry(
    QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    editor->setGeometry(option.rect);
}

void ChecklistDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == ChecklistModel::SignoffColumn) {
        if (option->text.isEmpty() && index.data(ChecklistModel::NeedsSignoffRole).toBool()) {
            option->text = u"sign-off required"_s;
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        }
        return;
    }
    if (index.column() != ChecklistModel::StatusColumn)
        return;
    const QVariant status = index.data(ChecklistModel::StatusRole);
    if (!status.isValid())
        return;
    const qreal ratio = option->widget ? option->widget->devicePixelRatioF() : 1.0;
    QPixmap dot(QSize(12, 12) * ratio);
    dot.setDevicePixelRatio(ratio);
    dot.fill(Qt::transparent);
    QPainter painter(&dot);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(statusColor(status.toInt()));
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    painter.end();
    option->icon = QIcon(dot);
    option->decorationSize = QSize(12, 12);
    option->features |= QStyleOptionViewItem::HasDecoration;
}

} // namespace jb
