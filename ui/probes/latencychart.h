#pragma once

#include <QWidget>

class QAbstractItemModel;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace jb {

// A probe's latency over time: a line with a dot per run, read from a LatencyHistoryModel through
// QVXYModelMapper (the chart copies no numbers of its own). The axes follow the model's range.
class LatencyChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LatencyChart)

public:
    explicit LatencyChart(QAbstractItemModel *history, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QLineSeries *series() const { return m_line; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateAxes();
    void applyPalette();

    QAbstractItemModel *m_model;
    QChart *m_chart;
    QChartView *m_view;
    QLineSeries *m_line;
    QScatterSeries *m_points;
    QDateTimeAxis *m_time;
    QValueAxis *m_latency;
    QLabel *m_empty;
};

} // namespace jb
