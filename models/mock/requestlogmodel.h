#pragma once

#include "requestlog.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace jb {

// The mock server's live request log as a table, newest row last. It keeps its own copy of the
// rows (at most the log's capacity) and pulls new entries when the log signals, so a view never
// reads an entry the ring has already overwritten and a burst of requests is one row insertion.
class RequestLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)

public:
    enum Column
    {
        TimeColumn,
        MethodColumn,
        PathColumn,
        StatusColumn,
        LatencyColumn,
        FaultColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // the raw value: ms since epoch, status, latency in µs, ...
        SequenceRole,
        FaultKindRole, // int(FaultKind)
    };

    explicit RequestLogModel(QObject *parent = nullptr);

    void setLog(RequestLog *log); // not owned; nullptr detaches
    RequestLog *log() const { return m_log; }
    const RequestLogEntry &entry(int row) const { return m_rows.at(row); }

    // Pulls what the log holds beyond the last row now, without waiting for its signal.
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString formatLatency(qint64 latencyUs);
    // The whole of one request as the log keeps it, for a details pane: request line, how it was
    // answered, and both bodies as they went over the wire (the kept part of a larger one).
    static QString details(const RequestLogEntry &entry);

private:
    void resetFromLog();

    QPointer<RequestLog> m_log;
    QList<RequestLogEntry> m_rows;
    quint64 m_nextSequence = 0;
};

} // namespace jb
