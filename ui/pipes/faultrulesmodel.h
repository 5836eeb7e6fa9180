#pragma once

#include "faultrule.h"

#include <QAbstractTableModel>

namespace jb {

class PipeRuntime;

// The mock's fault rules as an editable table: the route (or "*"), the kind, the probability and
// the parameters of the kinds that have some (a cell that means nothing for its kind is greyed
// and not editable). Every edit applies to the running mock at once.
class FaultRulesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultRulesModel)

public:
    enum Column
    {
        RouteColumn,
        KindColumn,
        ProbabilityColumn,
        LatencyColumn,
        JitterColumn,
        HoldColumn,
        SizeColumn,
        ColumnCount
    };

    explicit FaultRulesModel(PipeRuntime *runtime, QObject *parent = nullptr);

    int addRule(const FaultRule &rule);
    bool removeRule(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    static bool applies(FaultKind kind, int column);

private:
    void onRulesChanged();

    PipeRuntime *m_runtime;
    int m_rows = 0;
};

} // namespace jb
