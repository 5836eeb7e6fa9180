#include "latencychart.h"

#include "chartpalette.h"
#include "latencyhistorymodel.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedLayout>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace jb {

LatencyChart::LatencyChart(QAbstractItemModel *history, QWidget *parent)
    : QWidget(parent)
    , m_model(history)
    , m_chart(new QChart)
    , m_line(new QLineSeries(this))
    , m_points(new QScatterSeries(this))
    , m_time(new QDateTimeAxis(this))
    , m_latency(new QValueAxis(this))
{
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);
    m_chart->addSeries(m_line);
    m_chart->addSeries(m_points);
    m_points->setMarkerSize(7);

    m_time->setFormat(u"dd/MM HH:mm"_s);
    m_time->setTickCount(5);
    m_latency->setTitleText(u"ms"_s);
    m_latency->setLabelFormat(u"%.1f"_s);
    m_latency->setMin(0);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_latency, Qt::AlignLeft);
    for (QXYSeries *series : {static_cast<QXYSeries *>(m_line), static_cast<QXYSeries *>(m_points)}) {
        series->attachAxis(m_time);
        series->attachAxis(m_latency);
        auto *mapper = new QVXYModelMapper(this);
        mapper->setXColumn(LatencyHistoryModel::TimeColumn);
        mapper->setYColumn(LatencyHistoryModel::LatencyColumn);
        mapper->setSeries(series);
        mapper->setModel(m_model);
    }

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    m_empty = new QLabel(u"No latency measured yet for this probe: run it to start its history."_s, this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    auto *stack = new QStackedLayout(this);
    stack->setStackingMode(QStackedLayout::StackAll);
    stack->addWidget(m_empty);
    stack->addWidget(m_view);

    connect(m_model, &QAbstractItemModel::modelReset, this, &LatencyChart::updateAxes);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LatencyChart::updateAxes);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &LatencyChart::updateAxes);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &LatencyChart::updateAxes);
    updateAxes();
    applyPalette();
}

void LatencyChart::applyPalette()
{
    const QColor accent = ChartPalette::accent(palette());
    m_line->setColor(accent);
    m_points->setColor(accent);
    m_points->setBorderColor(palette().color(QPalette::Base)); // a ring that parts the dots from the line
    ChartPalette::apply(m_chart, palette());
}

void LatencyChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void LatencyChart::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

void LatencyChart::updateAxes()
{
    const int rows = m_model->rowCount();
    m_empty->setVisible(rows == 0);
    m_view->setVisible(rows > 0);
    if (rows == 0)
        return;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    double highest = 0;
    for (int row = 0; row < rows; ++row) {
        const auto at = qint64(m_model->index(row, LatencyHistoryModel::TimeColumn).data().toDouble());
        first = std::min(first, at);
        last = std::max(last, at);
        highest
            = std::max(highest, m_model->index(row, LatencyHistoryModel::LatencyColumn).data().toDouble());
    }
    // one run still deserves a visible span; a little head room keeps the top dot off the frame
    const qint64 pad = std::max<qint64>((last - first) / 20, 30'000);
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(first - pad), QDateTime::fromMSecsSinceEpoch(last + pad));
    m_time->setFormat(last - first > 86'400'000 ? u"dd/MM HH:mm"_s : u"HH:mm:ss"_s);
    m_latency->setRange(0, highest > 0 ? highest * 1.2 : 1.0);
    m_latency->applyNiceNumbers();
    // loopback answers in a tenth of a millisecond, a WAN peer in hundreds: labels must not repeat
    const double top = m_latency->max();
    m_latency->setLabelFormat(top < 1 ? u"%.2f"_s : top < 10 ? u"%.1f"_s : u"%.0f"_s);
}

} // namespace jb
