#pragma once

#include "faultrule.h"

#include <QAbstractTableModel>

namespace jb {

// The mock's fault rules as an editable table: the route (or "*"), the kind, the probability and
// the parameters of the kinds that have some (a cell that means nothing for its kind is greyed
// and not editable). Like ViaCepDatasetModel it shows the rules it was last given: an edit is
// offered as rulesEdited, so whoever runs the mock applies it at once and gives the rules back.
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

    explicit FaultRulesModel(QObject *parent = nullptr);

    // The rules in force: a reset when their number changes, else a dataChanged.
    void setRules(const QList<FaultRule> &rules);
    const QList<FaultRule> &rules() const { return m_rules; }

    // Offers the rules with one appended; returns its row there.
    int addRule(const FaultRule &rule);
    bool removeRule(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    static bool applies(FaultKind kind, int column);

Q_SIGNALS:
    // The rules as the user's edit would leave them; not shown until they come back by setRules.
    void rulesEdited(const QList<jb::FaultRule> &rules);

private:
    QList<FaultRule> m_rules;
};

} // namespace jb
