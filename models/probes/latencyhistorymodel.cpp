#include "latencyhistorymodel.h"

using namespace Qt::StringLiterals;

namespace jb {

LatencyHistoryModel::LatencyHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void LatencyHistoryModel::setProbeId(const QString &probeId)
{
    m_probeId = probeId;
    setHistory(m_entries);
}

void LatencyHistoryModel::setHistory(const QList<EvidenceStore::Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_rows.clear();
    for (const EvidenceStore::Entry &entry : entries) {
        const ProbeResult *result = entry.run.result(m_probeId);
        if (result && result->hasLatency())
            m_rows.append(*result);
    }
    std::stable_sort(m_rows.begin(), m_rows.end(),
        [](const ProbeResult &a, const ProbeResult &b) { return a.timestamp < b.timestamp; });
    if (m_rows.size() > maxRows)
        m_rows.remove(0, m_rows.size() - maxRows);
    endResetModel();
}

void LatencyHistoryModel::append(const ProbeResult &result)
{
    if (result.probeId != m_probeId || m_probeId.isEmpty() || !result.hasLatency())
        return;
    if (m_rows.size() >= maxRows) {
        beginRemoveRows({}, 0, 0);
        m_rows.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(result);
    endInsertRows();
}

int LatencyHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LatencyHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LatencyHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProbeResult &result = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == TimeColumn ? QVariant(qreal(result.timestamp.toMSecsSinceEpoch()))
                                            : QVariant(result.latencyMs);
    case Qt::ToolTipRole:
        return u"%1: %2 ms (%3)"_s.arg(result.timestamp.toLocalTime().toString(Qt::ISODate))
            .arg(result.latencyMs, 0, 'f', 2)
            .arg(ProbeResult::statusLabel(result.status));
    case TimestampRole:
        return result.timestamp;
    case StatusRole:
        return ProbeResult::statusKey(result.status);
    case SummaryRole:
        return result.summary;
    }
    return {};
}

QVariant LatencyHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == TimeColumn ? u"Time"_s : section == LatencyColumn ? u"Latency (ms)"_s : QVariant();
}

} // namespace jb
