#include "proberesultsmodel.h"

using namespace Qt::StringLiterals;

namespace jb {

ProbeResultsModel::ProbeResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ProbeResultsModel::setProbes(const QList<ProbeSpec> &probes)
{
    beginResetModel();
    // keep the results of probes that are still there
    QList<std::optional<ProbeResult>> kept(probes.size());
    for (qsizetype i = 0; i < probes.size(); ++i) {
        const int old = rowOf(probes.at(i).id);
        if (old >= 0)
            kept[i] = m_results.at(old);
    }
    m_probes = probes;
    m_results = kept;
    endResetModel();
}

int ProbeResultsModel::rowOf(const QString &probeId) const
{
    for (qsizetype i = 0; i < m_probes.size(); ++i) {
        if (m_probes.at(i).id == probeId)
            return int(i);
    }
    return -1;
}

void ProbeResultsModel::setResult(const ProbeResult &result)
{
    const int row = rowOf(result.probeId);
    if (row < 0)
        return;
    m_results[row] = result;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ProbeResultsModel::setResults(const QList<ProbeResult> &results)
{
    for (const ProbeResult &result : results)
        setResult(result);
}

void ProbeResultsModel::clearResults()
{
    if (m_probes.isEmpty())
        return;
    for (std::optional<ProbeResult> &result : m_results)
        result.reset();
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ProbeResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_probes.size());
}

int ProbeResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProbeResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProbeSpec &spec = m_probes.at(index.row());
    const std::optional<ProbeResult> &result = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn:
            if (!spec.enabled)
                return u"Disabled"_s;
            return result ? ProbeResult::statusLabel(result->status) : u"Not run"_s;
        case TargetColumn:
            return result && !result->target.isEmpty() ? result->target : spec.target();
        case LatencyColumn:
            return result && result->hasLatency() ? u"%1 ms"_s.arg(result->latencyMs, 0, 'f', 1) : QString();
        case SummaryColumn:
            return result ? result->summary : QString();
        }
        return {};
    case Qt::ToolTipRole:
        return result ? result->details : spec.name;
    case Qt::TextAlignmentRole:
        return index.column() == LatencyColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                               : QVariant();
    case DetailsRole:
        return result ? result->details : QString();
    case StatusRole:
        return result ? ProbeResult::statusKey(result->status) : QString();
    case ProbeIdRole:
        return spec.id;
    case ProbeNameRole:
        return spec.name;
    case ProbeTypeRole:
        return ProbeSpec::typeKey(spec.type);
    case PhaseRole:
        return spec.phase;
    case EnabledRole:
        return spec.enabled;
    case LatencyMsRole:
        return result && result->hasLatency() ? QVariant(result->latencyMs) : QVariant();
    case TimestampRole:
        return result ? QVariant(result->timestamp) : QVariant();
    case WarningRole:
        return result && result->warning;
    case InsecureRole:
        return result ? result->insecure : spec.insecure;
    }
    return {};
}

QVariant ProbeResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return u"Status"_s;
    case TargetColumn:
        return u"Target"_s;
    case LatencyColumn:
        return u"Latency"_s;
    case SummaryColumn:
        return u"Summary"_s;
    }
    return {};
}

QHash<int, QByteArray> ProbeResultsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(DetailsRole, "details");
    names.insert(StatusRole, "status");
    names.insert(ProbeIdRole, "probeId");
    names.insert(ProbeNameRole, "probeName");
    names.insert(ProbeTypeRole, "probeType");
    names.insert(PhaseRole, "phase");
    names.insert(EnabledRole, "enabled");
    names.insert(LatencyMsRole, "latencyMs");
    names.insert(TimestampRole, "timestamp");
    names.insert(WarningRole, "warning");
    names.insert(InsecureRole, "insecure");
    return names;
}

} // namespace jb
