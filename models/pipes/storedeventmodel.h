#pragma once

#include "eventstore.h"

#include <QAbstractTableModel>

namespace jb {

// Events read from the event store, newest first as the store lists them.
class StoredEventModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoredEventModel)

public:
    enum Column
    {
        TimeColumn,
        PipeColumn,
        StepColumn,
        ClassColumn,
        RetriableColumn,
        StatusColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
    };

    explicit StoredEventModel(QObject *parent = nullptr);

    void setEvents(const QList<StoredEvent> &events);
    const QList<StoredEvent> &events() const { return m_events; }
    // not event(): that would hide QObject::event(QEvent *)
    const StoredEvent &eventAt(int row) const { return m_events.at(row); }
    int rowOfId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StoredEvent> m_events;
};

} // namespace jb
