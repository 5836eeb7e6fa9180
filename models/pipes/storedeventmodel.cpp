#include "storedeventmodel.h"

#include <QColor>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace jb {

StoredEventModel::StoredEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void StoredEventModel::setEvents(const QList<StoredEvent> &events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

int StoredEventModel::rowOfId(qint64 id) const
{
    for (qsizetype row = 0; row < m_events.size(); ++row) {
        if (m_events.at(row).id == id)
            return int(row);
    }
    return -1;
}

int StoredEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int StoredEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StoredEventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const StoredEvent &event = m_events.at(index.row());
    if (role == IdRole)
        return event.id;
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (event.status == u"failed")
            return QColor(0xc6, 0x28, 0x28);
        if (event.status == u"handled")
            return QColor(0x2e, 0x7d, 0x32);
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return event.payload.value(u"message"_s).toString();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromString(event.created, Qt::ISODateWithMs)
            .toLocalTime()
            .toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case PipeColumn:
        return event.pipe.isEmpty() ? event.name : event.pipe;
    case StepColumn:
        return event.payload.value(u"step"_s).toString();
    case ClassColumn:
        return event.errorClass;
    case RetriableColumn:
        return event.retriable ? tr("yes") : tr("no");
    case StatusColumn:
        return event.retry.isEmpty() ? event.status : u"%1, re-run %2"_s.arg(event.status, event.retry);
    case MessageColumn:
        return event.payload.value(u"message"_s).toString();
    default:
        return {};
    }
}

QVariant StoredEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case PipeColumn:
        return tr("Pipe");
    case StepColumn:
        return tr("Step");
    case ClassColumn:
        return tr("Class");
    case RetriableColumn:
        return tr("Retriable");
    case StatusColumn:
        return tr("Status");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace jb
