#include "stepcarddelegate.h"

#include "pipeflowmodel.h"
#include "pipetrace.h"
#include "themecolors.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr int indentStep = 16;
constexpr int margin = 4;
constexpr int badgeWidth = 64;
constexpr int radius = 6;
constexpr int coverageBar = 8;

PipeFlowModel::Kind kindOf(const QModelIndex &index)
{
    return static_cast<PipeFlowModel::Kind>(index.data(PipeFlowModel::KindRole).toInt());
}

} // namespace

StepCardDelegate::StepCardDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QColor StepCardDelegate::coverageColor(bool covered)
{
    return covered ? QColor(0x2e, 0x9d, 0x4a) : QColor(0xd3, 0x2f, 0x2f);
}

QColor StepCardDelegate::typeColor(const QString &type)
{
    static const QHash<QString, QColor> colors = {
        {u"rest"_s, QColor(0x37, 0x5a, 0x9e)},
        {u"event"_s, QColor(0x6a, 0x4c, 0x9c)},
        {u"validate"_s, QColor(0x2e, 0x7d, 0x6b)},
        {u"set"_s, QColor(0x5b, 0x6b, 0x7a)},
        {u"http"_s, QColor(0xc0, 0x6a, 0x1b)},
        {u"choice"_s, QColor(0x8e, 0x5a, 0xa8)},
        {u"respond"_s, QColor(0x2b, 0x6c, 0xb0)},
        {u"publish"_s, QColor(0xa8, 0x3d, 0x5a)},
        {u"log"_s, QColor(0x6b, 0x6b, 0x6b)},
        {u"retry"_s, QColor(0xb0, 0x8a, 0x1b)},
    };
    return colors.value(type, QColor(0x6b, 0x6b, 0x6b));
}

QSize StepCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int line = option.fontMetrics.height();
    switch (kindOf(index)) {
    case PipeFlowModel::Kind::Branch:
        return {200, line + 2 * margin + 6};
    case PipeFlowModel::Kind::Section:
        return {200, line + 3 * margin + 8};
    default:
        return {200, 2 * line + 2 * margin + 12};
    }
}

void StepCardDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const int depth = index.data(PipeFlowModel::DepthRole).toInt();
    const PipeFlowModel::Kind kind = kindOf(index);
    QRect card = option.rect.adjusted(margin + depth * indentStep, margin / 2, -margin, -margin / 2);
    const QString type = index.data(PipeFlowModel::TypeRole).toString();
    const QString summary = index.data(PipeFlowModel::SummaryRole).toString();
    QFont bold = option.font;
    bold.setBold(true);

    // the line joining nested cards to their parent
    if (depth > 0) {
        painter->setPen(QPen(palette.color(QPalette::Mid), 1));
        const int x = option.rect.left() + margin + depth * indentStep - indentStep / 2;
        painter->drawLine(x, option.rect.top(), x, option.rect.bottom());
    }

    if (kind == PipeFlowModel::Kind::Section) {
        painter->setFont(bold);
        painter->setPen(palette.color(QPalette::Text));
        const QRect text = card.adjusted(2, margin + 4, 0, 0);
        painter->drawText(text, Qt::AlignLeft | Qt::AlignTop, index.data().toString());
        const int titleWidth = QFontMetrics(bold).horizontalAdvance(index.data().toString());
        painter->setFont(option.font);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(text.adjusted(titleWidth + 10, 0, 0, 0), Qt::AlignLeft | Qt::AlignTop,
            option.fontMetrics.elidedText(summary, Qt::ElideRight, text.width() - titleWidth - 10));
        painter->restore();
        return;
    }

    const QColor accent = typeColor(type);
    QPainterPath outline;
    outline.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    QColor fill = kind == PipeFlowModel::Kind::Branch ? palette.color(QPalette::AlternateBase)
                                                      : palette.color(QPalette::Base);
    if (selected)
        fill = ThemeColors::selectedCardFill(palette); // a tint: the palette's Text stays readable on it
    painter->fillPath(outline, fill);
    const QColor ink = ThemeColors::readable(palette.color(QPalette::Text), fill, 7.0);
    const QColor secondary = ThemeColors::readable(palette.color(QPalette::PlaceholderText), fill);
    painter->setPen(
        QPen(selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid), selected ? 2 : 1));
    painter->drawPath(outline);

    if (kind == PipeFlowModel::Kind::Branch) {
        const QRect text = card.adjusted(10, 0, -8, 0);
        painter->setFont(bold);
        painter->setPen(ThemeColors::readable(typeColor(u"choice"_s), fill));
        painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, type);
        const int w = QFontMetrics(bold).horizontalAdvance(type) + 8;
        painter->setFont(option.font);
        painter->setPen(ink);
        painter->drawText(text.adjusted(w, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
            option.fontMetrics.elidedText(summary, Qt::ElideRight, text.width() - w));
        painter->restore();
        return;
    }

    // the badge: the step type on its colour
    QPainterPath badge;
    const QRect badgeRect(card.left(), card.top(), badgeWidth, card.height());
    badge.addRoundedRect(QRectF(badgeRect).adjusted(0.5, 0.5, 0, -0.5), radius, radius);
    badge.addRect(QRectF(badgeRect.right() - radius, badgeRect.top() + 0.5, radius, badgeRect.height() - 1));
    badge.setFillRule(Qt::WindingFill);
    painter->fillPath(badge, accent);
    // the unit tests' coverage, when a test run measured this pipe: a bar along the badge's left edge
    const QVariant covered = index.data(PipeFlowModel::CoveredRole);
    if (covered.isValid()) {
        QPainterPath bar;
        bar.addRoundedRect(
            QRectF(badgeRect.left() + 0.5, badgeRect.top() + 0.5, 2 * coverageBar, badgeRect.height() - 1),
            radius, radius);
        painter->save();
        painter->setClipRect(QRect(badgeRect.left(), badgeRect.top(), coverageBar, badgeRect.height()));
        painter->fillPath(bar, coverageColor(covered.toBool()));
        painter->restore();
    }
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    small.setBold(true);
    painter->setFont(small);
    painter->setPen(Qt::white);
    painter->drawText(badgeRect, Qt::AlignCenter, type.toUpper());

    // status and duration of the last run, on the right
    QRect text = card.adjusted(badgeWidth + 10, 6, -10, -6);
    const QVariant status = index.data(PipeFlowModel::RunStatusRole);
    if (status.isValid()) {
        const auto runStatus = static_cast<TraceEntry::Status>(status.toInt());
        const double ms = double(index.data(PipeFlowModel::DurationRole).toLongLong()) / 1000.0;
        QString chip;
        QColor chipColor;
        switch (runStatus) {
        case TraceEntry::Status::Ok:
            chip = u"✓ %1 ms"_s.arg(ms, 0, 'f', 1);
            chipColor = ThemeColors::status(ThemeColors::Status::Ok, palette, fill);
            break;
        case TraceEntry::Status::Failed:
            chip = u"✗ %1 ms"_s.arg(ms, 0, 'f', 1);
            chipColor = ThemeColors::status(ThemeColors::Status::Error, palette, fill);
            break;
        case TraceEntry::Status::Skipped:
            chip = u"skipped"_s;
            chipColor = secondary;
            break;
        }
        painter->setFont(bold);
        painter->setPen(chipColor);
        const int chipWidth = QFontMetrics(bold).horizontalAdvance(chip);
        painter->drawText(text, Qt::AlignRight | Qt::AlignTop, chip);
        text.setRight(text.right() - chipWidth - 8);
    }

    const QString title = index.data().toString();
    const QString id = index.data(PipeFlowModel::IdRole).toString();
    painter->setFont(bold);
    painter->setPen(ink);
    const QString shownTitle = QFontMetrics(bold).elidedText(title, Qt::ElideRight, text.width());
    painter->drawText(text, Qt::AlignLeft | Qt::AlignTop, shownTitle);
    if (!id.isEmpty() && id != title) {
        const int w = QFontMetrics(bold).horizontalAdvance(shownTitle) + 8;
        painter->setFont(option.font);
        painter->setPen(secondary);
        painter->drawText(text.adjusted(w, 0, 0, 0), Qt::AlignLeft | Qt::AlignTop,
            option.fontMetrics.elidedText(id, Qt::ElideRight, std::max(0, text.width() - w)));
    }
    painter->setFont(option.font);
    painter->setPen(secondary);
    painter->drawText(card.adjusted(badgeWidth + 10, 6, -10, -6), Qt::AlignLeft | Qt::AlignBottom,
        option.fontMetrics.elidedText(summary, Qt::ElideRight, card.width() - badgeWidth - 20));
    painter->restore();
}

} // namespace jb
