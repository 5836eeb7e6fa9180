#pragma once

#include "pipetrace.h"

#include <QStandardItemModel>

namespace jb {

// One execution's trace as a tree: a row per step in the order the steps ran (nested steps
// indented by their depth), with the step's input, output and log lines as its children. The
// step-timing chart maps the top-level rows' duration column, so the table and the chart always
// show the same numbers.
class PipeTraceModel final : public QStandardItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipeTraceModel)

public:
    enum Column
    {
        StepColumn,
        TypeColumn,
        StatusColumn,
        DurationColumn, // milliseconds, a number
        ColumnCount
    };
    enum Role
    {
        DetailRole = Qt::UserRole + 1, // the whole input / output / step, pretty JSON
        StepIdRole,
    };

    explicit PipeTraceModel(QObject *parent = nullptr);

    void setTrace(const PipeTrace &trace);
    const PipeTrace &trace() const { return m_trace; }
    // "id status" per step, one a line: what a test compares.
    QString summary() const;

private:
    PipeTrace m_trace;
};

} // namespace jb
