#include "steptimingchart.h"

#include "chartpalette.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

StepTimingChart::StepTimingChart(
    QAbstractItemModel *model, int stepColumn, int durationColumn, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_stepColumn(stepColumn)
    , m_durationColumn(durationColumn)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_series(new QHorizontalBarSeries(this))
    , m_mapper(new QVBarModelMapper(this))
    , m_steps(new QBarCategoryAxis(this))
    , m_ms(new QValueAxis(this))
{
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->addSeries(m_series);
    m_chart->addAxis(m_steps, Qt::AlignLeft);
    m_chart->addAxis(m_ms, Qt::AlignBottom);
    m_series->attachAxis(m_steps);
    m_series->attachAxis(m_ms);
    m_series->setLabelsVisible(true);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_series->setLabelsFormat(u"@value ms"_s);
    m_series->setLabelsPrecision(3);
    m_ms->setTitleText(tr("milliseconds"));
    m_ms->setLabelFormat(u"%.1f"_s);
    m_steps->setReverse(true); // the first step on top, as in the flow
    m_view->setRenderHint(QPainter::Antialiasing);

    m_mapper->setSeries(m_series);
    m_mapper->setModel(model);
    m_mapper->setFirstBarSetColumn(durationColumn);
    m_mapper->setLastBarSetColumn(durationColumn);
    m_mapper->setFirstRow(0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(model, &QAbstractItemModel::modelReset, this, &StepTimingChart::updateAxes);
    connect(model, &QAbstractItemModel::rowsInserted, this, &StepTimingChart::updateAxes);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &StepTimingChart::updateAxes);
    connect(model, &QAbstractItemModel::dataChanged, this, &StepTimingChart::updateAxes);
    updateAxes();
}

void StepTimingChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

QStringList StepTimingChart::categories() const
{
    QStringList names;
    for (int row = 0; row < m_model->rowCount(); ++row)
        names.append(m_model->index(row, m_stepColumn).data().toString().trimmed());
    return names;
}

void StepTimingChart::updateAxes()
{
    const QStringList names = categories();
    m_steps->clear();
    // a category axis wants distinct names: a step id appears once per run, but be safe
    QStringList distinct;
    for (const QString &name : names)
        distinct.append(distinct.contains(name) ? name + u'\u200b' : name);
    m_steps->append(distinct);
    double longest = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        longest = std::max(longest, m_model->index(row, m_durationColumn).data().toDouble());
    m_ms->setRange(0, longest > 0 ? longest * 1.25 : 1.0);
    applyPalette(); // the mapper may have made new bar sets
}

void StepTimingChart::applyPalette()
{
    for (QBarSet *set : m_series->barSets())
        set->setColor(ChartPalette::accent(palette()));
    ChartPalette::apply(m_chart, palette());
}

} // namespace jb
