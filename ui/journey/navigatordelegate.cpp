#include "navigatordelegate.h"

#include "fielddelegate.h"
#include "navigatormodel.h"
#include "phase.h"
#include "themecolors.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QColor blend(const QColor &a, const QColor &b, double t)
{
    return ThemeColors::blend(a, b, t);
}

void drawCheck(QPainter *painter, const QRectF &box, const QColor &color)
{
    painter->save();
    painter->setPen(QPen(color, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    const qreal w = box.width();
    painter->drawPolyline(QPolygonF({box.topLeft() + QPointF(w * 0.15, w * 0.55),
        box.topLeft() + QPointF(w * 0.42, w * 0.8), box.topLeft() + QPointF(w * 0.88, w * 0.22)}));
    painter->restore();
}

} // namespace

NavigatorDelegate::NavigatorDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QSize NavigatorDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int line = option.fontMetrics.height();
    const bool phase = index.data(NavigatorModel::PhaseNumberRole).toInt() > 0;
    return QSize(
        220, phase ? line * 2 + 22 : line + 20 + (index.row() == NavigatorModel::timelineRow ? 14 : 0));
}

void NavigatorDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool focused = option.state & QStyle::State_HasFocus;
    const int number = index.data(NavigatorModel::PhaseNumberRole).toInt();
    QRect rect = option.rect;

    if (index.row() == NavigatorModel::timelineRow) {
        // a divider between the phases and the other pages
        QColor divider = palette.color(QPalette::WindowText);
        divider.setAlpha(45);
        painter->fillRect(QRect(rect.left() + 12, rect.top() + 6, rect.width() - 24, 1), divider);
        rect.setTop(rect.top() + 14);
    }

    const QRectF card = QRectF(rect).adjusted(6, 2, -6, -2);
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = text;
    secondary.setAlphaF(selected ? 0.85f : 0.6f);
    if (selected) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::Highlight));
        painter->drawRoundedRect(card, 6, 6);
    } else if (option.state & QStyle::State_MouseOver) {
        QColor hover = palette.color(QPalette::Highlight);
        hover.setAlpha(30);
        painter->setPen(Qt::NoPen);
        painter->setBrush(hover);
        painter->drawRoundedRect(card, 6, 6);
    }
    if (focused && !selected) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    }

    const QFontMetrics metrics(option.font);
    const int line = metrics.height();
    QFont titleFont = option.font;

    if (number <= 0) {
        // Timeline, Artifacts, Environments: a small square glyph, then the title
        const QRectF glyph(card.left() + 12, card.center().y() - 9, 18, 18);
        painter->setPen(QPen(secondary, 1.4));
        painter->setBrush(Qt::NoBrush);
        if (index.row() == NavigatorModel::timelineRow) {
            painter->drawRoundedRect(glyph.adjusted(1, 2, -1, -1), 2, 2);
            painter->drawLine(glyph.topLeft() + QPointF(1, 7), glyph.topRight() + QPointF(-1, 7));
            painter->drawLine(glyph.topLeft() + QPointF(5, 0), glyph.topLeft() + QPointF(5, 4));
            painter->drawLine(glyph.topRight() + QPointF(-5, 0), glyph.topRight() + QPointF(-5, 4));
        } else if (index.row() == NavigatorModel::environmentsRow) {
            // two stacked boxes: test and prod
            painter->drawRoundedRect(glyph.adjusted(1, 2, -1, -10), 2, 2);
            painter->drawRoundedRect(glyph.adjusted(1, 10, -1, -2), 2, 2);
            painter->drawPoint(glyph.topLeft() + QPointF(5, 5));
            painter->drawPoint(glyph.topLeft() + QPointF(5, 13));
        } else {
            painter->drawRect(glyph.adjusted(3, 1, -3, -1));
            painter->drawLine(glyph.topLeft() + QPointF(6, 6), glyph.topRight() + QPointF(-6, 6));
            painter->drawLine(glyph.topLeft() + QPointF(6, 10), glyph.topRight() + QPointF(-6, 10));
            painter->drawLine(glyph.topLeft() + QPointF(6, 14), glyph.topRight() + QPointF(-8, 14));
        }
        painter->setFont(titleFont);
        painter->setPen(text);
        painter->drawText(QRectF(glyph.right() + 12, card.top(), card.width() - 50, card.height()),
            Qt::AlignLeft | Qt::AlignVCenter, index.data(Qt::DisplayRole).toString());
        painter->restore();
        return;
    }

    const double ratio = index.data(NavigatorModel::CompletionRole).toDouble();
    const int complete = index.data(NavigatorModel::CompleteCountRole).toInt();
    const int total = index.data(NavigatorModel::TotalCountRole).toInt();
    const bool isSigned = index.data(NavigatorModel::SignedRole).toBool();
    const int problems = index.data(NavigatorModel::ProblemCountRole).toInt();
    const bool done = total > 0 && complete == total;
    // a fill that white digits read on, in either theme
    const QColor doneGreen = ThemeColors::statusFill(ThemeColors::Status::Ok, palette);
    const QColor accent
        = selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Highlight);

    // the number disc: filled once the phase is complete
    const qreal discSize = 26;
    const QRectF disc(card.left() + 10, card.center().y() - discSize / 2, discSize, discSize);
    QFont numberFont = option.font;
    numberFont.setBold(true);
    painter->setFont(numberFont);
    if (done) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? palette.color(QPalette::HighlightedText) : doneGreen);
        painter->drawEllipse(disc);
        painter->setPen(selected ? palette.color(QPalette::Highlight) : Qt::white);
    } else {
        painter->setPen(QPen(ratio > 0 ? accent : secondary, 1.6));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(disc.adjusted(0.8, 0.8, -0.8, -0.8));
        painter->setPen(text);
    }
    painter->drawText(disc, Qt::AlignCenter, QString::number(number));

    // right side: the problem badge and the signed-off check
    qreal right = card.right() - 10;
    const qreal top = card.top() + 8;
    if (isSigned) {
        const QRectF check(right - 16, top, 16, 16);
        drawCheck(painter, check, selected ? palette.color(QPalette::HighlightedText) : doneGreen);
        right -= 22;
    }
    if (problems > 0) {
        QFont badgeFont = option.font;
        badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.85);
        badgeFont.setBold(true);
        const QString label = problems > 99 ? u"99+"_s : QString::number(problems);
        const QFontMetricsF badgeMetrics(badgeFont);
        const qreal height = badgeMetrics.height() + 2;
        const qreal width = std::max(height, badgeMetrics.horizontalAdvance(label) + 10);
        const QRectF badge(right - width, top, width, height);
        painter->setPen(Qt::NoPen);
        painter->setBrush(FieldDelegate::problemColor());
        painter->drawRoundedRect(badge, height / 2, height / 2);
        painter->setFont(badgeFont);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, label);
        right -= width + 6;
    }

    // title, then the completion bar and n/m under it
    const qreal textLeft = disc.right() + 12;
    painter->setFont(titleFont);
    painter->setPen(text);
    const QRectF titleRect(textLeft, top - 1, right - textLeft, line);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(Phases::info(static_cast<Phase>(number)).title, Qt::ElideRight,
            static_cast<int>(titleRect.width())));

    QFont smallFont = option.font;
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.85);
    const QFontMetricsF smallMetrics(smallFont);
    const QString count = u"%1/%2"_s.arg(complete).arg(total);
    const qreal countWidth = smallMetrics.horizontalAdvance(u"00/00"_s);
    const qreal barTop = titleRect.bottom() + 8;
    const QRectF bar(textLeft, barTop, card.right() - 10 - countWidth - 8 - textLeft, 4);
    QColor track = text;
    track.setAlphaF(0.15f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(track);
    painter->drawRoundedRect(bar, 2, 2);
    if (ratio > 0) {
        painter->setBrush(selected ? palette.color(QPalette::HighlightedText)
                                   : (done ? doneGreen : blend(accent, doneGreen, ratio * 0.6)));
        painter->drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * ratio, bar.height()), 2, 2);
    }
    painter->setFont(smallFont);
    painter->setPen(secondary);
    painter->drawText(
        QRectF(bar.right() + 8, barTop - smallMetrics.height() / 2 + 2, countWidth, smallMetrics.height()),
        Qt::AlignRight | Qt::AlignVCenter, count);
    painter->restore();
}

} // namespace jb
