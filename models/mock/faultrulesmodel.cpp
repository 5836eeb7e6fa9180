#include "faultrulesmodel.h"

#include <QBrush>
#include <QPalette>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

FaultRulesModel::FaultRulesModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void FaultRulesModel::setRules(const QList<FaultRule> &rules)
{
    const int rows = int(rules.size());
    if (rows == int(m_rules.size())) {
        m_rules = rules;
        if (rows > 0)
            Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rules = rules;
    endResetModel();
}

bool FaultRulesModel::applies(FaultKind kind, int column)
{
    switch (column) {
    case LatencyColumn:
    case JitterColumn:
        return kind == FaultKind::Latency;
    case HoldColumn:
        return kind == FaultKind::NoAnswer;
    case SizeColumn:
        return kind == FaultKind::Oversized;
    default:
        return true;
    }
}

int FaultRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int FaultRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FaultRulesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rules.size())
        return {};
    const FaultRule &rule = m_rules.at(index.row());
    const bool applies = FaultRulesModel::applies(rule.kind, index.column());
    if (role == Qt::ForegroundRole && !applies)
        return QBrush(QPalette().color(QPalette::PlaceholderText));
    if (role == Qt::TextAlignmentRole && index.column() >= ProbabilityColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    if (!applies)
        return role == Qt::DisplayRole ? QVariant(u"—"_s) : QVariant();
    switch (index.column()) {
    case RouteColumn:
        return rule.route;
    case KindColumn:
        return faultKindName(rule.kind);
    case ProbabilityColumn:
        return role == Qt::DisplayRole ? QVariant(u"%1 %"_s.arg(rule.probability * 100.0, 0, 'g', 4))
                                       : QVariant(rule.probability);
    case LatencyColumn:
        return rule.latencyMs;
    case JitterColumn:
        return rule.jitterMs;
    case HoldColumn:
        return rule.holdMs;
    case SizeColumn:
        return rule.sizeBytes;
    default:
        return {};
    }
}

QVariant FaultRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RouteColumn:
        return tr("Route");
    case KindColumn:
        return tr("Fault");
    case ProbabilityColumn:
        return tr("Probability");
    case LatencyColumn:
        return tr("Latency ms");
    case JitterColumn:
        return tr("Jitter ms");
    case HoldColumn:
        return tr("Hold ms");
    case SizeColumn:
        return tr("Size bytes");
    default:
        return {};
    }
}

Qt::ItemFlags FaultRulesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.row() < m_rules.size()
        && applies(m_rules.at(index.row()).kind, index.column()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool FaultRulesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_rules.size())
        return false;
    QList<FaultRule> rules = m_rules;
    FaultRule &rule = rules[index.row()];
    bool ok = true;
    switch (index.column()) {
    case RouteColumn:
        rule.route = value.toString().trimmed().isEmpty() ? QString(FaultRule::anyRoute)
                                                          : value.toString().trimmed();
        break;
    case KindColumn: {
        const std::optional<FaultKind> kind = faultKindFromName(value.toString());
        if (!kind)
            return false;
        rule.kind = *kind;
        break;
    }
    case ProbabilityColumn: {
        // "25 %", "25%" and "0.25" all mean a quarter
        QString text = value.toString().trimmed();
        const bool percent = text.endsWith(u'%');
        text.remove(u'%');
        double p = text.trimmed().toDouble(&ok);
        if (percent || p > 1.0)
            p /= 100.0;
        rule.probability = std::clamp(p, 0.0, 1.0);
        break;
    }
    case LatencyColumn:
        rule.latencyMs = std::max(0, value.toInt(&ok));
        break;
    case JitterColumn:
        rule.jitterMs = std::max(0, value.toInt(&ok));
        break;
    case HoldColumn:
        rule.holdMs = std::max(0, value.toInt(&ok));
        break;
    case SizeColumn:
        rule.sizeBytes = std::max<qint64>(16, value.toLongLong(&ok));
        break;
    default:
        return false;
    }
    if (!ok || rules == m_rules)
        return false;
    Q_EMIT rulesEdited(rules);
    return true;
}

int FaultRulesModel::addRule(const FaultRule &rule)
{
    QList<FaultRule> rules = m_rules;
    rules.append(rule);
    Q_EMIT rulesEdited(rules);
    return int(rules.size()) - 1;
}

bool FaultRulesModel::removeRule(int row)
{
    QList<FaultRule> rules = m_rules;
    if (row < 0 || row >= rules.size())
        return false;
    rules.removeAt(row);
    Q_EMIT rulesEdited(rules);
    return true;
}

} // namespace jb
