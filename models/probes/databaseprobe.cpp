#include "databaseprobe.h"

#include "tcpprobe.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString firstLine(const QString &text)
{
    return text.trimmed().section(u'\n', 0, 0).trimmed();
}

QString versionQuery(const QString &driver)
{
    if (driver == u"QPSQL")
        return u"SHOW server_version"_s;
    if (driver == u"QSQLITE")
        return u"SELECT sqlite_version()"_s;
    if (driver == u"QMYSQL")
        return u"SELECT VERSION()"_s;
    return {};
}

QString productName(const QString &driver)
{
    if (driver == u"QPSQL")
        return u"PostgreSQL"_s;
    if (driver == u"QSQLITE")
        return u"SQLite"_s;
    if (driver == u"QMYSQL")
        return u"MySQL"_s;
    return driver;
}

// The checks after a successful open; fills `result` and `details`.
void inspect(QSqlDatabase &db, const ProbeSpec &spec, ProbeResult &result, QStringList &details)
{
    QStringList problems;
    const QString query
        = spec.validationQuery.trimmed().isEmpty() ? u"SELECT 1"_s : spec.validationQuery.trimmed();
    {
        QSqlQuery validation(db);
        if (!validation.exec(query)) {
            problems.append(u"validation query failed: %1"_s.arg(firstLine(validation.lastError().text())));
        } else {
            const bool row = validation.isSelect() && validation.next();
            details.append(u"validation query: %1 -> %2"_s.arg(
                query, row ? validation.value(0).toString() : u"ok (no row)"_s));
        }
    }
    QString version;
    if (const QString versionSql = versionQuery(spec.driver); !versionSql.isEmpty()) {
        QSqlQuery probe(db);
        if (probe.exec(versionSql) && probe.next())
            version = probe.value(0).toString();
    }
    details.append(u"server version: "_s + (version.isEmpty() ? u"unknown"_s : version));
    if (!version.isEmpty())
        result.facts.insert(u"serverVersion"_s, version);

    const QStringList present = db.tables(QSql::Tables) + db.tables(QSql::Views);
    QStringList missing;
    for (const QString &table : spec.tables) {
        const bool found = std::any_of(present.cbegin(), present.cend(), [&](const QString &name) {
            return name.compare(table, Qt::CaseInsensitive) == 0
                || name.endsWith(u'.' + table, Qt::CaseInsensitive); // schema-qualified
        });
        if (!found)
            missing.append(table);
    }
    if (!spec.tables.isEmpty())
        details.append(u"tables expected: %1; missing: %2"_s.arg(
            spec.tables.join(u", "_s), missing.isEmpty() ? u"none"_s : missing.join(u", "_s)));
    if (!missing.isEmpty())
        problems.append(u"missing tables: %1"_s.arg(missing.join(u", "_s)));

    if (problems.isEmpty()) {
        result.status = ProbeStatus::Pass;
        QString summary = productName(spec.driver);
        if (!version.isEmpty())
            summary += u' ' + version.section(u' ', 0, 0);
        summary += u"; %1 ok"_s.arg(query);
        if (!spec.tables.isEmpty())
            summary += u"; tables present: %1"_s.arg(spec.tables.join(u", "_s));
        result.summary = summary;
    } else {
        result.status = ProbeStatus::Fail;
        result.summary = problems.join(u"; "_s);
    }
}

} // namespace

int DatabaseProbe::defaultPort(const QString &driver)
{
    if (driver == u"QPSQL")
        return 5432;
    if (driver == u"QMYSQL")
        return 3306;
    return 0;
}

ProbeResult DatabaseProbe::run(const ProbeSpec &spec, ProbeControl &control)
{
    if (spec.driver.isEmpty())
        return ProbeResult::make(ProbeStatus::Error, u"the probe names no database driver"_s);
    if (spec.database.isEmpty())
        return ProbeResult::make(ProbeStatus::Error, u"the probe names no database"_s);
    if (!QSqlDatabase::isDriverAvailable(spec.driver)) {
        return ProbeResult::make(ProbeStatus::Skipped,
            u"the Qt SQL driver %1 is not installed here (installed: %2)"_s.arg(
                spec.driver, QSqlDatabase::drivers().join(u", "_s)));
    }
    const bool sqlite = spec.driver == u"QSQLITE";
    QStringList details;
    QString password;
    if (!sqlite && !spec.secret.isEmpty()) {
        const Result<QString> secret = control.secret(spec.secret);
        if (!secret)
            return ProbeResult::make(ProbeStatus::Error, secret.errorString());
        password = secret.value();
    }

    QString file;
    Endpoint endpoint;
    const int port = spec.port > 0 ? spec.port : defaultPort(spec.driver);
    if (sqlite) {
        file = QDir::isAbsolutePath(spec.database)
            ? spec.database
            : QDir(control.context().projectFolder).filePath(spec.database);
        details.append(u"open the SQLite file %1 read-only"_s.arg(QDir::cleanPath(file)));
        // QSQLITE would quietly create an empty database: a missing file is a finding, not a new file
        if (!QFileInfo(file).isFile())
            return ProbeResult::make(ProbeStatus::Fail,
                u"database file not found: %1"_s.arg(QDir::cleanPath(file)), details.join(u'\n'));
    } else if (!spec.host.isEmpty()) {
        endpoint = control.context().endpoint(spec.host, port);
        details.append(
            u"%1 %2@%3:%4/%5"_s.arg(spec.driver, spec.user, spec.host).arg(port).arg(spec.database));
        if (endpoint.redirected)
            details.append(
                u"connected to %1:%2 instead (connect-to rule)"_s.arg(endpoint.host).arg(endpoint.port));
        if (port > 0) {
            const TcpOutcome tcp = TcpProbe::connect(spec.host, port, control);
            details.append(u"TCP %1:%2: %3"_s.arg(spec.host).arg(port).arg(tcp.describe(control)));
            if (!tcp.open()) {
                ProbeResult result = ProbeResult::make(tcp.status(), tcp.describe(control));
                result.details = details.join(u'\n');
                return result;
            }
        }
    }

    QElapsedTimer clock;
    clock.start();
    ProbeResult result;
    const QString connection = u"jb-probe-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(spec.driver, connection);
        if (sqlite) {
            db.setDatabaseName(file);
            db.setConnectOptions(
                u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(control.remainingMs()));
        } else {
            db.setDatabaseName(spec.database);
            if (!spec.host.isEmpty()) {
                db.setHostName(endpoint.host);
                if (port > 0)
                    db.setPort(endpoint.port);
            }
            db.setUserName(spec.user);
            db.setPassword(password);
            if (spec.driver == u"QPSQL") {
                // libpq counts its connect timeout in whole seconds, two at least; the TCP check above
                // already spent the part of the budget an unreachable server would take
                const qint64 remaining = control.remainingMs();
                const int seconds = std::max(2, int(std::ceil(double(remaining) / 1000.0)));
                db.setConnectOptions(
                    u"connect_timeout=%1;options='-c statement_timeout=%2'"_s.arg(seconds).arg(
                        std::max<qint64>(1, remaining)));
            }
        }
        if (!db.open()) {
            const QString why
                = firstLine(db.lastError().databaseText().isEmpty() ? db.lastError().text()
                                                                    : db.lastError().databaseText());
            result = ProbeResult::make(ProbeStatus::Fail,
                sqlite ? u"could not open the database file: %1"_s.arg(why) : u"login failed: %1"_s.arg(why));
            details.append(u"driver: "_s + db.lastError().text().simplified());
        } else {
            inspect(db, spec, result, details);
            result.latencyMs = double(clock.nsecsElapsed()) / 1e6;
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (control.expired() && result.status != ProbeStatus::Pass)
        result.summary += u" (the %1 timeout passed)"_s.arg(control.timeoutText());
    details.append(u"result: "_s + result.summary);
    result.details = details.join(u'\n');
    return result;
}

} // namespace jb
