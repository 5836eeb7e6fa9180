#include "tablecontract.h"

#include "databaseconnection.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace jb {

QString TableContract::typeOf(int metaTypeId)
{
    switch (metaTypeId) {
    case QMetaType::Bool:
        return u"boolean"_s;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return u"integer"_s;
    case QMetaType::Double:
    case QMetaType::Float:
        return u"number"_s;
    case QMetaType::QDate:
        return u"date"_s;
    case QMetaType::QDateTime:
        return u"datetime"_s;
    default:
        return u"string"_s;
    }
}

Result<Contract> TableContract::fromTable(const QSqlDatabase &database, const QString &table)
{
    const QStringList tables = database.tables(QSql::Tables) + database.tables(QSql::Views);
    const auto found = std::find_if(tables.cbegin(), tables.cend(),
        [&](const QString &name) { return name.compare(table, Qt::CaseInsensitive) == 0; });
    if (found == tables.cend())
        return Result<Contract>::failure(Error::Code::Reference,
            u"no table or view named %1 (found: %2)"_s.arg(
                table, tables.isEmpty() ? u"none"_s : tables.join(u", "_s)));
    const QSqlRecord record = database.record(*found);
    const QSqlIndex primary = database.primaryIndex(*found);
    QSqlRecord firstRow;
    {
        QSqlQuery query(database);
        const QString escaped = database.driver()->escapeIdentifier(*found, QSqlDriver::TableName);
        if (query.exec(u"SELECT * FROM %1 LIMIT 1"_s.arg(escaped)) && query.next())
            firstRow = query.record();
    }
    Contract contract;
    contract.name = *found;
    contract.format = u"table"_s;
    for (int i = 0; i < record.count(); ++i) {
        const QSqlField column = record.field(i);
        ContractField field;
        field.name = column.name();
        field.type = typeOf(column.metaType().id());
        const bool key = primary.contains(column.name());
        field.required = key || column.requiredStatus() == QSqlField::Required;
        if (field.type == u"string" && column.length() > 0)
            field.maxLength = column.length();
        if (key)
            field.description = u"primary key"_s;
        if (!firstRow.isEmpty() && !firstRow.isNull(column.name())) {
            const QVariant raw = firstRow.value(column.name());
            const QJsonValue value = DatabaseConnection::toJson(raw);
            if (field.type == u"boolean") // SQLite keeps booleans as 0 and 1
                field.example = raw.toBool() ? u"true"_s : u"false"_s;
            else
                field.example = value.isString() ? value.toString() : value.toVariant().toString();
        }
        contract.fields.append(field);
    }
    return contract;
}

} // namespace jb
