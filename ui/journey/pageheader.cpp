#include "pageheader.h"

#include "fielddelegate.h"
#include "navigatormodel.h"
#include "phase.h"
#include "themecolors.h"

#include <QAbstractItemModel>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>

using namespace Qt::StringLiterals;

namespace jb {

namespace {
constexpr int badgeSize = 44;
constexpr int margin = 16;
} // namespace

PageHeader::PageHeader(QAbstractItemModel *navigator, int row, QWidget *parent)
    : QWidget(parent)
    , m_index(navigator->index(row, 0))
    , m_number(m_index.data(NavigatorModel::PhaseNumberRole).toInt())
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_completion(new QLabel(this))
    , m_state(new QLabel(this))
    , m_bar(new QProgressBar(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setFixedSize(180, 6);
    m_completion->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_state->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_state->setTextFormat(Qt::RichText);

    auto *grid = new QGridLayout(this);
    const int left = m_number > 0 ? margin + badgeSize + 14 : margin;
    grid->setContentsMargins(left, 12, margin + 4, 12);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(2);
    grid->addWidget(m_title, 0, 0);
    grid->addWidget(m_summary, 1, 0);
    grid->addWidget(m_completion, 0, 1, Qt::AlignRight | Qt::AlignBottom);
    grid->addWidget(m_bar, 1, 1, Qt::AlignRight | Qt::AlignTop);
    grid->addWidget(m_state, 0, 2, 2, 1, Qt::AlignRight | Qt::AlignVCenter);
    grid->setColumnStretch(0, 1);
    const bool phase = m_number > 0;
    m_bar->setVisible(phase);
    m_completion->setVisible(phase);
    setMinimumHeight(badgeSize + 26);

    connect(navigator, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            if (m_index.row() >= topLeft.row() && m_index.row() <= bottomRight.row())
                refresh();
        });
    connect(navigator, &QAbstractItemModel::modelReset, this, &PageHeader::refresh);
    refresh();
}

QString PageHeader::completionText() const
{
    return m_completion->text();
}

void PageHeader::refresh()
{
    const bool phase = m_number > 0;
    m_title->setText(
        phase ? Phases::info(static_cast<Phase>(m_number)).title : m_index.data(Qt::DisplayRole).toString());
    m_summary->setText(m_index.data(NavigatorModel::SummaryRole).toString());
    if (!phase)
        return;
    const int complete = m_index.data(NavigatorModel::CompleteCountRole).toInt();
    const int total = m_index.data(NavigatorModel::TotalCountRole).toInt();
    const double ratio = m_index.data(NavigatorModel::CompletionRole).toDouble();
    m_completion->setText(u"%1 of %2 checklist items complete"_s.arg(complete).arg(total));
    m_bar->setValue(static_cast<int>(ratio * 1000));
    QStringList state;
    if (const int problems = m_index.data(NavigatorModel::ProblemCountRole).toInt(); problems > 0)
        state.append(u"<span style=\"color:%1\">⚠ %2 problem%3</span>"_s.arg(
            FieldDelegate::problemColor().name(), QString::number(problems), problems == 1 ? u""_s : u"s"_s));
    if (m_index.data(NavigatorModel::SignedRole).toBool())
        state.append(ThemeColors::span(ThemeColors::Status::Ok, palette(), u"✔ Signed off"_s));
    m_state->setText(state.join(u"<br>"_s));
    m_state->setVisible(!state.isEmpty());
    update();
}

void PageHeader::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    // a hairline under the header separates it from the page's work area
    QColor line = palette().color(QPalette::WindowText);
    line.setAlpha(40);
    painter.fillRect(QRect(0, height() - 1, width(), 1), line);
    if (m_number <= 0)
        return;
    const QRectF badge(margin, (height() - badgeSize) / 2.0, badgeSize, badgeSize);
    const bool complete = m_index.data(NavigatorModel::CompletionRole).toDouble() >= 1.0;
    const QColor accent = complete ? ThemeColors::statusFill(ThemeColors::Status::Ok, palette())
                                   : palette().color(QPalette::Highlight);
    painter.setPen(Qt::NoPen);
    painter.setBrush(accent);
    painter.drawRoundedRect(badge, 10, 10);
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(ThemeColors::readable(Qt::white, accent)); // the number reads on any highlight
    painter.drawText(badge, Qt::AlignCenter, QString::number(m_number));
}

} // namespace jb
