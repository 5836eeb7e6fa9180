#include "databasestep.h"

#include "pipedefinition.h"
#include "scriptruntime.h"
#include "stepcontext.h"

#include <QJSValueIterator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

PipeError failure(PipeError::Class errorClass, const QString &code, const QString &message)
{
    return PipeError{{}, errorClass, code, message, 0};
}

QString firstLine(const QString &text)
{
    return text.trimmed().section(u'\n', 0, 0).trimmed();
}

// A bound value: whole numbers as integers (an id compares as one), objects and arrays as JSON text.
QVariant bindable(ScriptRuntime &runtime, const QJSValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    if (value.isBool())
        return value.toBool();
    if (value.isNumber()) {
        const double number = value.toNumber();
        if (std::isfinite(number) && number == std::floor(number) && std::abs(number) < 9.0e15)
            return qint64(number);
        return number;
    }
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(runtime.stringify(value));
}

} // namespace

const QStringList &DatabaseStep::settingKeys()
{
    static const QStringList keys = {u"database"_s, u"query"_s, u"params"_s, u"maxRows"_s, u"write"_s};
    return keys;
}

StepOutcome DatabaseStep::run(StepContext &context, const StepDefinition &step)
{
    const Result<QJSValue> evaluated = context.evaluatedSettings(step, settingKeys());
    if (!evaluated)
        return StepOutcome::dataFailure(u"expression-error"_s, evaluated.errorString());
    const QJSValue &settings = evaluated.value();
    const QString id = context.runtime.toText(settings.property(u"database"_s));
    std::optional<DatabaseSpec> database = context.database(id);
    if (!database)
        return StepOutcome::dataFailure(
            u"invalid"_s, u"database: the project has no database \"%1\""_s.arg(id))
            .withInput(settings);
    Result<DatabaseQuery> sql = query(context.runtime, settings, std::move(*database));
    if (!sql)
        return StepOutcome::dataFailure(u"invalid"_s, sql.errorString()).withInput(settings);
    return StepOutcome::wait(std::move(sql).value()).withInput(settings);
}

StepOutcome DatabaseStep::finish(StepContext &context, const DatabaseOutcome &outcome)
{
    const QJSValue result = output(context.runtime, outcome);
    return outcome.failure ? StepOutcome::failure(*outcome.failure, result) : StepOutcome::proceed(result);
}

Result<DatabaseQuery> DatabaseStep::query(
    ScriptRuntime &runtime, const QJSValue &settings, DatabaseSpec database)
{
    using R = Result<DatabaseQuery>;
    DatabaseQuery query;
    query.database = std::move(database);
    query.sql = runtime.toText(settings.property(u"query"_s)).trimmed();
    if (query.sql.isEmpty())
        return R::failure(Error::Code::Schema, u"database: the query is empty"_s);
    const QJSValue params = settings.property(u"params"_s);
    if (params.isArray()) {
        const int length = params.property(u"length"_s).toInt();
        for (int i = 0; i < length; ++i)
            query.positional.append(bindable(runtime, params.property(quint32(i))));
    } else if (params.isObject()) {
        QJSValueIterator it(params);
        while (it.hasNext()) {
            it.next();
            query.named.insert(it.name(), bindable(runtime, it.value()));
        }
    } else if (!params.isUndefined() && !params.isNull()) {
        return R::failure(
            Error::Code::Schema, u"database: \"params\" must be an array (for ?) or an object (for :name)"_s);
    }
    const QJSValue maxRows = settings.property(u"maxRows"_s);
    if (!maxRows.isUndefined()) {
        const double n = maxRows.toNumber();
        if (!std::isfinite(n) || n < 1 || n > std::numeric_limits<int>::max())
            return R::failure(Error::Code::Schema,
                u"\"maxRows\" must be a positive number, got %1"_s.arg(maxRows.toString()));
        query.maxRows = int(n);
    }
    query.write = settings.property(u"write"_s).toBool();
    return query;
}

DatabaseOutcome DatabaseStep::execute(const DatabaseQuery &query)
{
    DatabaseOutcome outcome;
    Result<std::unique_ptr<DatabaseConnection>> connection
        = DatabaseConnection::open(query.database, !query.write);
    if (!connection) {
        // a server that does not answer may answer later; a missing driver or file will not
        const bool network = connection.error().code == Error::Code::Network;
        outcome.failure = failure(network ? PipeError::Class::Connectivity : PipeError::Class::Data,
            u"database-unavailable"_s, connection.errorString());
        return outcome;
    }
    // the query goes before the connection: QtSql warns about (and breaks) queries left behind
    QSqlQuery sql(connection.value()->database());
    sql.setForwardOnly(true);
    const QString at = u"database %1: "_s.arg(query.database.id);
    if (!sql.prepare(query.sql)) {
        outcome.failure = failure(PipeError::Class::Data, u"query-error"_s,
            at + u"the query does not prepare: "_s + firstLine(sql.lastError().text()));
        return outcome;
    }
    for (const QVariant &value : query.positional)
        sql.addBindValue(value);
    for (auto it = query.named.cbegin(); it != query.named.cend(); ++it)
        sql.bindValue(u':' + it.key(), it.value());
    if (!sql.exec()) {
        outcome.failure = failure(PipeError::Class::Data, u"query-error"_s,
            at + u"query failed: "_s + firstLine(sql.lastError().text()));
        return outcome;
    }
    outcome.select = sql.isSelect();
    if (!outcome.select) {
        outcome.rowsAffected = sql.numRowsAffected();
        return outcome;
    }
    const QSqlRecord record = sql.record();
    while (sql.next()) {
        if (outcome.rows.size() >= query.maxRows) {
            outcome.failure = failure(PipeError::Class::Volume, u"too-large"_s,
                at + u"the query returns more than %1 rows (maxRows)"_s.arg(query.maxRows));
            outcome.rows = {};
            return outcome;
        }
        QJsonObject row;
        for (int i = 0; i < record.count(); ++i)
            row.insert(record.fieldName(i), DatabaseConnection::toJson(sql.value(i)));
        outcome.rows.append(row);
    }
    if (sql.lastError().isValid())
        outcome.failure = failure(PipeError::Class::Connectivity, u"query-error"_s,
            at + u"reading rows failed: "_s + firstLine(sql.lastError().text()));
    return outcome;
}

QJSValue DatabaseStep::output(ScriptRuntime &runtime, const DatabaseOutcome &outcome)
{
    QJSValue output = runtime.newObject();
    if (outcome.failure) {
        output.setProperty(u"success"_s, false);
        output.setProperty(u"code"_s, outcome.failure->code);
    } else if (outcome.select) {
        output.setProperty(u"rows"_s, runtime.toScript(outcome.rows));
    } else {
        output.setProperty(u"rowsAffected"_s, outcome.rowsAffected);
    }
    return output;
}

} // namespace jb
