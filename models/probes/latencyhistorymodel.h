#pragma once

#include "evidencestore.h"

#include <QAbstractTableModel>

namespace jb {

// One probe's latency across runs, oldest first, for a chart: rows are runs, column 0 the time
// (milliseconds since the epoch, a number, as QVXYModelMapper and QDateTimeAxis want it) and
// column 1 the latency in milliseconds. Runs where nothing was measured (refused, filtered) have no
// latency and no row; the table beside the chart shows those.
class LatencyHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LatencyHistoryModel)

public:
    enum Column
    {
        TimeColumn,
        LatencyColumn,
        ColumnCount
    };
    enum Role
    {
        TimestampRole = Qt::UserRole + 1, // QDateTime
        StatusRole, // "pass", "fail", ...
        SummaryRole,
    };
    static constexpr int maxRows = 1000; // the newest are kept

    explicit LatencyHistoryModel(QObject *parent = nullptr);

    void setProbeId(const QString &probeId);
    QString probeId() const { return m_probeId; }
    // Replaces the rows with this probe's results from the evidence.
    void setHistory(const QList<EvidenceStore::Entry> &entries);
    // Adds a live result (ignored when it is another probe's, or has no latency).
    void append(const ProbeResult &result);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString m_probeId;
    QList<ProbeResult> m_rows;
    QList<EvidenceStore::Entry> m_entries;
};

} // namespace jb
