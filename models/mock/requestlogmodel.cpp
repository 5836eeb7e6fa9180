#include "requestlogmodel.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace jb {

RequestLogModel::RequestLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RequestLogModel::setLog(RequestLog *log)
{
    if (m_log)
        disconnect(m_log, nullptr, this, nullptr);
    m_log = log;
    if (m_log) {
        connect(m_log, &RequestLog::entriesAdded, this, &RequestLogModel::refresh);
        connect(m_log, &RequestLog::cleared, this, &RequestLogModel::resetFromLog);
    }
    resetFromLog();
}

void RequestLogModel::resetFromLog()
{
    beginResetModel();
    m_rows.clear();
    m_nextSequence = 0;
    if (m_log) {
        m_rows = m_log->entriesSince(0);
        m_nextSequence = m_log->totalCount();
    }
    endResetModel();
}

void RequestLogModel::refresh()
{
    if (!m_log)
        return;
    QList<RequestLogEntry> fresh = m_log->entriesSince(m_nextSequence);
    if (fresh.isEmpty())
        return;
    m_nextSequence = fresh.constLast().sequence + 1;
    const qsizetype capacity = m_log->capacity();
    if (fresh.size() > capacity)
        fresh.remove(0, fresh.size() - capacity);
    const qsizetype overflow = m_rows.size() + fresh.size() - capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, static_cast<int>(overflow - 1));
        m_rows.remove(0, overflow);
        endRemoveRows();
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    m_rows.append(std::move(fresh));
    endInsertRows();
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RequestLogModel::formatLatency(qint64 latencyUs)
{
    if (latencyUs < 1000)
        return u"%1 µs"_s.arg(latencyUs);
    return u"%1 ms"_s.arg(static_cast<double>(latencyUs) / 1000.0, 0, 'f', latencyUs < 100000 ? 2 : 0);
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RequestLogEntry &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(u"HH:mm:ss.zzz"_s);
        case MethodColumn:
            return QString::fromLatin1(e.method);
        case PathColumn:
            return QString::fromUtf8(e.path);
        case StatusColumn:
            return e.status == 0 ? u"—"_s : QString::number(e.status);
        case LatencyColumn:
            return formatLatency(e.latencyUs);
        case FaultColumn:
            return e.fault.isNone() ? QString() : e.fault.describe();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && e.status == 0)
            return tr("No HTTP answer was written");
        if (index.column() == PathColumn && !e.route.isEmpty())
            return tr("Answered by %1").arg(e.route);
        if (index.column() == FaultColumn && !e.fault.isNone())
            return e.fault.describe();
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == LatencyColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return e.timeMs;
        case MethodColumn:
            return QString::fromLatin1(e.method);
        case PathColumn:
            return QString::fromUtf8(e.path);
        case StatusColumn:
            return e.status;
        case LatencyColumn:
            return e.latencyUs;
        case FaultColumn:
            return static_cast<int>(e.fault.kind);
        }
        break;
    case SequenceRole:
        return e.sequence;
    case FaultKindRole:
        return static_cast<int>(e.fault.kind);
    default:
        break;
    }
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case LatencyColumn:
        return tr("Latency");
    case FaultColumn:
        return tr("Fault");
    default:
        return {};
    }
}

namespace {

QString bodyText(const char *what, const QByteArray &kept, qint64 size)
{
    if (size == 0)
        return u"%1: none"_s.arg(QLatin1StringView(what));
    QString head = u"%1, %2 bytes"_s.arg(QLatin1StringView(what)).arg(size);
    if (size > kept.size())
        head += u" (the first %1 kept)"_s.arg(kept.size());
    // the bytes as sent: no re-indenting, which would also reorder a JSON object's keys
    return head + u":\n"_s + QString::fromUtf8(kept);
}

} // namespace

QString RequestLogModel::details(const RequestLogEntry &entry)
{
    QString text = QString::fromLatin1(entry.method) + u' ' + QString::fromUtf8(entry.path);
    if (!entry.query.isEmpty())
        text += u'?' + QString::fromUtf8(entry.query);
    text += u'\n';
    if (entry.status == 0)
        text += u"no HTTP answer was written"_s;
    else
        text += u"answered %1"_s.arg(entry.status);
    text += entry.route.isEmpty() ? u", no route matched"_s : u" by route %1"_s.arg(entry.route);
    text += u" in %1\n"_s.arg(formatLatency(entry.latencyUs));
    if (!entry.fault.isNone())
        text += u"fault injected: %1\n"_s.arg(entry.fault.describe());
    text += u'\n' + bodyText("request body", entry.requestBody, entry.requestBytes) + u"\n\n"_s
        + bodyText("answer body", entry.responseBody, entry.responseBytes);
    return text;
}

} // namespace jb
