#include "databaseconnection.h"

#include <QAtomicInteger>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTime>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QAtomicInteger<quint64> connectionCounter;

QString firstLine(const QString &text)
{
    return text.trimmed().section(u'\n', 0, 0).trimmed();
}

} // namespace

DatabaseSpec DatabaseSpec::fromEntity(const QJsonObject &entity, const QString &projectFolder)
{
    DatabaseSpec spec;
    spec.id = entity.value(u"id"_s).toString();
    spec.driver = entity.value(u"driver"_s).toString();
    spec.host = entity.value(u"host"_s).toString();
    spec.port = entity.value(u"port"_s).toInt();
    spec.database = entity.value(u"database"_s).toString();
    spec.user = entity.value(u"user"_s).toString();
    spec.secretName = entity.value(u"secret"_s).toString();
    if (spec.driver == u"QSQLITE" && !spec.database.isEmpty() && spec.database != u":memory:"
        && QFileInfo(spec.database).isRelative() && !projectFolder.isEmpty())
        spec.database = QDir(projectFolder).filePath(spec.database);
    return spec;
}

DatabaseConnection::DatabaseConnection(QString name)
    : m_name(std::move(name))
{ }

DatabaseConnection::~DatabaseConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<DatabaseConnection>> DatabaseConnection::open(const DatabaseSpec &spec, bool readOnly)
{
    using Opened = Result<std::unique_ptr<DatabaseConnection>>;
    if (!QSqlDatabase::isDriverAvailable(spec.driver))
        return Opened::failure(Error::Code::Refused,
            u"the Qt SQL driver %1 is not installed (available: %2)"_s.arg(
                spec.driver, QSqlDatabase::drivers().join(u", "_s)));
    // SQLite would create a missing file: say it is missing instead
    if (spec.driver == u"QSQLITE" && spec.database != u":memory:" && !QFileInfo(spec.database).isFile())
        return Opened::failure(Error::Code::Io, u"the SQLite file %1 does not exist"_s.arg(spec.database));
    const QString name = u"jb-contracts-%1"_s.arg(++connectionCounter);
    std::unique_ptr<DatabaseConnection> connection(new DatabaseConnection(name));
    QSqlDatabase db = QSqlDatabase::addDatabase(spec.driver, name);
    db.setDatabaseName(spec.database);
    if (!spec.host.isEmpty())
        db.setHostName(spec.host);
    if (spec.port > 0)
        db.setPort(spec.port);
    if (!spec.user.isEmpty())
        db.setUserName(spec.user);
    if (!spec.password.isEmpty())
        db.setPassword(spec.password);
    if (spec.driver == u"QSQLITE" && readOnly)
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
    else if (spec.driver == u"QPSQL")
        db.setConnectOptions(u"connect_timeout=5"_s);
    if (!db.open()) {
        const QString message = firstLine(db.lastError().text());
        return Opened::failure(Error::Code::Network,
            u"cannot open database %1: %2"_s.arg(spec.id.isEmpty() ? spec.database : spec.id, message));
    }
    return connection;
}

QSqlDatabase DatabaseConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

QJsonValue DatabaseConnection::toJson(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return value.toLongLong();
    case QMetaType::Double:
    case QMetaType::Float:
        return value.toDouble();
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QDateTime:
        return value.toDateTime().toString(Qt::ISODateWithMs);
    case QMetaType::QTime:
        return value.toTime().toString(Qt::ISODate);
    case QMetaType::QByteArray:
        return QString::fromLatin1(value.toByteArray().toBase64());
    default:
        return value.toString();
    }
}

Status DatabaseConnection::query(
    const QString &sql, const std::function<bool(const QJsonObject &row)> &row, int limit) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return Status::failure(
            Error::Code::Refused, u"query failed: %1"_s.arg(firstLine(query.lastError().text())));
    if (!query.isSelect())
        return Status::failure(Error::Code::Refused, u"the query returns no rows (not a SELECT)"_s);
    const QSqlRecord record = query.record();
    int count = 0;
    while (query.next()) {
        QJsonObject object;
        for (int i = 0; i < record.count(); ++i)
            object.insert(record.fieldName(i), toJson(query.value(i)));
        if (!row(object))
            break;
        if (limit > 0 && ++count >= limit)
            break;
    }
    if (query.lastError().isValid())
        return Status::failure(
            Error::Code::Io, u"reading rows failed: %1"_s.arg(firstLine(query.lastError().text())));
    return {};
}

} // namespace jb
