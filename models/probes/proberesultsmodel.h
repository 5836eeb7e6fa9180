#pragma once

#include "proberesult.h"
#include "probespec.h"

#include <QAbstractTableModel>

#include <optional>

namespace jb {

// The results table: one row per probe of the plan, its latest result beside it (none yet: the
// status column reads "Not run"). A runner's probeFinished() feeds setResult(); evidence feeds it
// too when a project opens.
class ProbeResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeResultsModel)

public:
    enum Column
    {
        StatusColumn,
        TargetColumn,
        LatencyColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role
    {
        DetailsRole = Qt::UserRole + 1,
        StatusRole, // "pass", "fail", "error", "skipped", or "" when not run
        ProbeIdRole,
        ProbeNameRole,
        ProbeTypeRole, // "tcp", "http", ...
        PhaseRole,
        EnabledRole,
        LatencyMsRole, // double; invalid when nothing was measured
        TimestampRole,
        WarningRole, // bool
        InsecureRole, // bool: TLS verification was off, shown in red
    };

    explicit ProbeResultsModel(QObject *parent = nullptr);

    void setProbes(const QList<ProbeSpec> &probes);
    const QList<ProbeSpec> &probes() const { return m_probes; }
    void setResult(const ProbeResult &result);
    void setResults(const QList<ProbeResult> &results);
    void clearResults();
    int rowOf(const QString &probeId) const;
    std::optional<ProbeResult> result(int row) const { return m_results.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<ProbeSpec> m_probes;
    QList<std::optional<ProbeResult>> m_results;
};

} // namespace jb
