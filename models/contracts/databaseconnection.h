#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace jb {

// How to reach a database, taken from a "database" entity (the password is passed in by the caller,
// who reads it from a secret store: project files never hold it).
struct DatabaseSpec
{
    QString id;
    QString driver; // QSQLITE, QPSQL, ...
    QString host;
    int port = 0;
    QString database; // a name, or for SQLite a file (relative paths are resolved by fromEntity)
    QString user;
    QString password;
    QString secretName; // the secret that holds the password, for messages

    // Relative SQLite files are resolved against the project folder.
    static DatabaseSpec fromEntity(const QJsonObject &entity, const QString &projectFolder);
};

// One open connection under a unique name, closed and removed when this goes away. A QSqlDatabase
// belongs to the thread that opened it: open, use and destroy this on one thread (a worker, never
// the GUI thread for a real server).
class DatabaseConnection final
{
public:
    static Result<std::unique_ptr<DatabaseConnection>> open(const DatabaseSpec &spec, bool readOnly = true);
    ~DatabaseConnection();
    Q_DISABLE_COPY_MOVE(DatabaseConnection)

    QSqlDatabase database() const;
    QString connectionName() const { return m_name; }

    // Runs a query and hands each row to `row` as a JSON object (column name -> value) until it
    // returns false or `limit` rows (0: no limit) were read.
    Status query(
        const QString &sql, const std::function<bool(const QJsonObject &row)> &row, int limit = 0) const;
    // The JSON form of a column value: numbers stay numbers, NULL is null, bytes are Base64.
    static QJsonValue toJson(const QVariant &value);

private:
    explicit DatabaseConnection(QString name);
    QString m_name;
};

} // namespace jb
