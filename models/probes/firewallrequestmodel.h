#pragma once

#include "firewallrequest.h"

#include <QAbstractTableModel>

namespace jb {

// The firewall request as a table, one column per FirewallRequest::headers() entry.
class FirewallRequestModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirewallRequestModel)

public:
    enum Column
    {
        SourceColumn,
        DestinationColumn,
        HostnameColumn,
        PortColumn,
        ProtocolColumn,
        ServiceColumn,
        PurposeColumn,
        StatusColumn,
        TestedColumn,
        ServerColumn,
        ColumnCount
    };
    enum Role
    {
        StatusRole = Qt::UserRole + 1, // the status text, whatever the column
        ServerIdRole,
    };

    explicit FirewallRequestModel(QObject *parent = nullptr);

    void setRows(const QList<FirewallRow> &rows);
    const QList<FirewallRow> &rows() const { return m_rows; }
    QByteArray toCsv() const { return FirewallRequest::toCsv(m_rows); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<FirewallRow> m_rows;
};

} // namespace jb
