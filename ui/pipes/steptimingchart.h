#pragma once

#include <QWidget>

class QAbstractItemModel;
class QBarCategoryAxis;
class QChart;
class QChartView;
class QHorizontalBarSeries;
class QValueAxis;
class QVBarModelMapper;

namespace jb {

// How long each step of the last run took, as horizontal bars, read from the trace model's
// duration column through a model mapper: the chart never holds numbers of its own.
class StepTimingChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepTimingChart)

public:
    StepTimingChart(QAbstractItemModel *model, int stepColumn, int durationColumn, QWidget *parent = nullptr);

    QHorizontalBarSeries *series() const { return m_series; }
    QStringList categories() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateAxes();
    void applyPalette();

    QAbstractItemModel *m_model;
    int m_stepColumn;
    int m_durationColumn;
    QChart *m_chart;
    QChartView *m_view;
    QHorizontalBarSeries *m_series;
    QVBarModelMapper *m_mapper;
    QBarCategoryAxis *m_steps;
    QValueAxis *m_ms;
};

} // namespace jb
