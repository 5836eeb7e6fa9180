#include "firewallrequestmodel.h"

using namespace Qt::StringLiterals;

namespace jb {

FirewallRequestModel::FirewallRequestModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void FirewallRequestModel::setRows(const QList<FirewallRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int FirewallRequestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FirewallRequestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FirewallRequestModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FirewallRow &row = m_rows.at(index.row());
    if (role == StatusRole)
        return row.status;
    if (role == ServerIdRole)
        return row.server;
    if (role == Qt::TextAlignmentRole && index.column() == PortColumn)
        return QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SourceColumn:
        return row.source;
    case DestinationColumn:
        return row.destination;
    case HostnameColumn:
        return row.hostname;
    case PortColumn:
        return row.port;
    case ProtocolColumn:
        return row.protocol;
    case ServiceColumn:
        return row.service;
    case PurposeColumn:
        return row.purpose;
    case StatusColumn:
        return row.status;
    case TestedColumn:
        return row.testedAt;
    case ServerColumn:
        return row.server;
    }
    return {};
}

QVariant FirewallRequestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QStringList labels = {u"Source"_s, u"Destination"_s, u"Host name"_s, u"Port"_s, u"Protocol"_s,
        u"Service"_s, u"Purpose"_s, u"Status"_s, u"Tested"_s, u"Server"_s};
    return labels.value(section);
}

} // namespace jb
