#include "eventstore.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutex>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QAtomicInteger<quint64> connectionCounter;
// creating the file and the .gitignore happens once, whichever worker writes first
QMutex creationMutex;

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

Status sqlFailure(const QString &what, const QSqlError &error)
{
    return Status::failure(Error::Code::Io, u"event store: %1: %2"_s.arg(what, error.text()));
}

Status ignoreWorkFolder(const QString &projectFolder)
{
    const QString path = QDir(projectFolder).filePath(u".gitignore"_s);
    QFile file(path);
    QByteArray existing;
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Status::failure(Error::Code::Io, u"cannot read %1: %2"_s.arg(path, file.errorString()));
        existing = file.readAll();
        file.close();
        for (const QByteArray &line : existing.split('\n')) {
            const QByteArray entry = line.trimmed();
            if (entry == ".journeybench" || entry == ".journeybench/" || entry == "/.journeybench/")
                return {};
        }
    }
    // the whole file again, replaced in one step: a kill mid-write cannot cut the user's own lines
    QSaveFile replacement(path);
    QByteArray bytes = existing;
    if (!bytes.isEmpty() && !bytes.endsWith('\n'))
        bytes += '\n';
    bytes += "# JourneyBench's local work files (event store): never committed\n.journeybench/\n";
    if (!replacement.open(QIODevice::WriteOnly) || replacement.write(bytes) != bytes.size()
        || !replacement.commit())
        return Status::failure(
            Error::Code::Io, u"cannot write %1: %2"_s.arg(path, replacement.errorString()));
    return {};
}

StoredEvent eventFrom(const QSqlQuery &query)
{
    StoredEvent event;
    event.id = query.value(0).toLongLong();
    event.name = query.value(1).toString();
    event.created = query.value(2).toString();
    event.updated = query.value(3).toString();
    event.status = query.value(4).toString();
    event.attempts = query.value(5).toInt();
    event.executionKey = query.value(6).toString();
    event.pipe = query.value(7).toString();
    event.errorClass = query.value(8).toString();
    event.retriable = query.value(9).toBool();
    event.retry = query.value(10).toString();
    event.outcome = query.value(11).toString();
    event.payload = QJsonDocument::fromJson(query.value(12).toByteArray()).object();
    return event;
}

constexpr QLatin1StringView columns{
    "id, name, created, updated, status, attempts, execution_key, pipe, class, "
    "retriable, retry, outcome, payload"};

} // namespace

QJsonObject StoredEvent::toJson() const
{
    return {{u"id"_s, id}, {u"name"_s, name}, {u"created"_s, created}, {u"updated"_s, updated},
        {u"status"_s, status}, {u"attempts"_s, attempts}, {u"executionKey"_s, executionKey},
        {u"pipe"_s, pipe}, {u"class"_s, errorClass}, {u"retriable"_s, retriable}, {u"retry"_s, retry},
        {u"outcome"_s, outcome}, {u"payload"_s, payload}};
}

EventStore::EventStore(QString databaseFile, QString projectFolder)
    : m_file(std::move(databaseFile))
    , m_projectFolder(std::move(projectFolder))
    , m_connection(u"jb-events-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1)))
{ }

EventStore::~EventStore()
{
    if (!m_open)
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString EventStore::defaultFile(const QString &projectFolder)
{
    return QDir(projectFolder).filePath(QString(workFolderName) + u'/' + QString(fileName));
}

Status EventStore::open(bool create)
{
    if (m_open)
        return {};
    {
        QMutexLocker lock(&creationMutex);
        if (!QFileInfo::exists(m_file)) {
            if (!create)
                return Status::failure(Error::Code::Io, u"no event store yet at %1"_s.arg(m_file));
            if (!QDir().mkpath(QFileInfo(m_file).absolutePath()))
                return Status::failure(Error::Code::Io, u"cannot create the folder of %1"_s.arg(m_file));
            if (!m_projectFolder.isEmpty()) {
                const Status ignored = ignoreWorkFolder(m_projectFolder);
                if (!ignored)
                    return ignored;
            }
        }
        Status prepared = prepare();
        if (!prepared) {
            QSqlDatabase::removeDatabase(m_connection);
            return prepared;
        }
        m_open = true;
    }
    return {};
}

Status EventStore::prepare()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(m_file);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open())
        return sqlFailure(u"cannot open %1"_s.arg(m_file), db.lastError());
    QSqlQuery query(db);
    // WAL: writers do not block readers; NORMAL: a commit survives the application exiting
    for (const QString &statement : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s,
             u"CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, "
             "created TEXT NOT NULL, updated TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending', "
             "attempts INTEGER NOT NULL DEFAULT 0, execution_key TEXT NOT NULL DEFAULT '', "
             "pipe TEXT NOT NULL DEFAULT '', class TEXT NOT NULL DEFAULT '', "
             "retriable INTEGER NOT NULL DEFAULT 0, retry TEXT NOT NULL DEFAULT '', "
             "outcome TEXT NOT NULL DEFAULT '', payload TEXT NOT NULL)"_s,
             u"CREATE INDEX IF NOT EXISTS events_by_name ON events (name, status)"_s}) {
        if (!query.exec(statement)) {
            const Status failed = sqlFailure(statement, query.lastError());
            query = QSqlQuery();
            db.close();
            return failed;
        }
    }
    return {};
}

Result<qint64> EventStore::append(const QString &name, const QJsonObject &payload)
{
    const Status opened = open(true);
    if (!opened)
        return opened.error();
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(
        u"INSERT INTO events (name, created, updated, execution_key, pipe, class, retriable, payload) "
        "VALUES (?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?)"_s);
    const QString timestamp = payload.value(u"timestamp"_s).toString(now());
    query.addBindValue(name);
    query.addBindValue(timestamp);
    query.addBindValue(timestamp);
    query.addBindValue(payload.value(u"executionKey"_s).toString());
    query.addBindValue(payload.value(u"pipe"_s).toString());
    query.addBindValue(payload.value(u"class"_s).toString());
    query.addBindValue(payload.value(u"retriable"_s).toBool() ? 1 : 0);
    query.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return sqlFailure(u"cannot store event \"%1\""_s.arg(name), query.lastError()).error();
    return query.lastInsertId().toLongLong();
}

Status EventStore::finish(qint64 id, const QString &status, const QString &outcome)
{
    const Status opened = open(true);
    if (!opened)
        return opened;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(
        u"UPDATE events SET status = ?, outcome = ?, attempts = attempts + 1, updated = ? WHERE id = ?"_s);
    query.addBindValue(status);
    query.addBindValue(outcome);
    query.addBindValue(now());
    query.addBindValue(id);
    if (!query.exec())
        return sqlFailure(u"cannot update event %1"_s.arg(id), query.lastError());
    return {};
}

Result<bool> EventStore::claimRetry(qint64 id)
{
    const Status opened = open(true);
    if (!opened)
        return opened.error();
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    // one statement: two treatment runs racing for the same event cannot both win
    query.prepare(u"UPDATE events SET retry = 'scheduled', updated = ? WHERE id = ? AND retry = ''"_s);
    query.addBindValue(now());
    query.addBindValue(id);
    if (!query.exec())
        return sqlFailure(u"cannot claim the re-run of event %1"_s.arg(id), query.lastError()).error();
    return query.numRowsAffected() == 1;
}

Status EventStore::recordRetry(qint64 id, bool succeeded, const QString &outcome)
{
    const Status opened = open(true);
    if (!opened)
        return opened;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"UPDATE events SET retry = ?, outcome = ?, updated = ? WHERE id = ?"_s);
    query.addBindValue(succeeded ? u"succeeded"_s : u"failed"_s);
    query.addBindValue(outcome);
    query.addBindValue(now());
    query.addBindValue(id);
    if (!query.exec())
        return sqlFailure(u"cannot record the re-run of event %1"_s.arg(id), query.lastError());
    return {};
}

Result<StoredEvent> EventStore::get(qint64 id)
{
    const Status opened = open(false);
    if (!opened)
        return opened.error();
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"SELECT "_s + columns + u" FROM events WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec())
        return sqlFailure(u"cannot read event %1"_s.arg(id), query.lastError()).error();
    if (!query.next())
        return Result<StoredEvent>::failure(Error::Code::Reference, u"no event %1 in the store"_s.arg(id));
    return eventFrom(query);
}

namespace {

QString whereClause(const EventFilter &filter, QVariantList &values)
{
    QStringList conditions;
    auto add = [&](const QString &column, const QString &value) {
        if (value.isEmpty())
            return;
        conditions.append(column + u" = ?"_s);
        values.append(value);
    };
    add(u"name"_s, filter.name);
    add(u"status"_s, filter.status);
    add(u"pipe"_s, filter.pipe);
    add(u"class"_s, filter.errorClass);
    if (filter.retriable) {
        conditions.append(u"retriable = ?"_s);
        values.append(*filter.retriable ? 1 : 0);
    }
    return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
}

} // namespace

Result<QList<StoredEvent>> EventStore::list(const EventFilter &filter)
{
    if (!QFileInfo::exists(m_file))
        return QList<StoredEvent>();
    const Status opened = open(false);
    if (!opened)
        return opened.error();
    QVariantList values;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"SELECT "_s + columns + u" FROM events"_s + whereClause(filter, values)
        + u" ORDER BY id LIMIT %1"_s.arg(qMax(1, filter.limit)));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return sqlFailure(u"cannot list events"_s, query.lastError()).error();
    QList<StoredEvent> events;
    while (query.next())
        events.append(eventFrom(query));
    return events;
}

Result<int> EventStore::count(const EventFilter &filter)
{
    if (!QFileInfo::exists(m_file))
        return 0;
    const Status opened = open(false);
    if (!opened)
        return opened.error();
    QVariantList values;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"SELECT COUNT(*) FROM events"_s + whereClause(filter, values));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return sqlFailure(u"cannot count events"_s, query.lastError()).error();
    return query.value(0).toInt();
}

} // namespace jb
