#include "samplerecords.h"

#include "fieldpath.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QJsonValue typedExample(const ContractField &field)
{
    bool ok = false;
    if (field.type == u"integer") {
        const qint64 number = field.example.trimmed().toLongLong(&ok);
        if (ok)
            return number;
    } else if (field.type == u"number") {
        const double number = field.example.trimmed().toDouble(&ok);
        if (ok)
            return number;
    } else if (field.type == u"boolean" && (field.example == u"true" || field.example == u"false")) {
        return field.example == u"true";
    }
    return field.example;
}

// One value per "[]" in the path: the example as a one-element array at each level.
QJsonValue wrapForArrays(const FieldPath &path, QJsonValue value)
{
    for (const FieldPath::Token &token : path.tokens()) {
        if (token.each)
            value = QJsonArray{value};
    }
    return value;
}

} // namespace

QJsonObject SampleRecords::fromFieldExamples(const Contract &contract)
{
    QJsonObject record;
    for (const ContractField &field : contract.fields) {
        if (field.example.isEmpty() || field.isContainer())
            continue;
        const FieldPath path(field.name);
        if (!path.isValid() || path.tokens().constFirst().each)
            continue;
        path.set(record, wrapForArrays(path, typedExample(field)));
    }
    return record;
}

QList<QJsonObject> SampleRecords::fromContract(const Contract &contract)
{
    QList<QJsonObject> records;
    for (const ContractExample &example : contract.examples) {
        if (!example.mediaType.isEmpty() && !example.mediaType.contains(u"json"))
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(example.content.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            continue;
        if (document.isObject()) {
            records.append(document.object());
        } else {
            for (const QJsonValue &item : document.array()) {
                if (item.isObject())
                    records.append(item.toObject());
            }
        }
    }
    if (records.isEmpty()) {
        const QJsonObject fromFields = fromFieldExamples(contract);
        if (!fromFields.isEmpty())
            records.append(fromFields);
    }
    return records;
}

Result<QList<QJsonObject>> SampleRecords::fromDatabase(
    const DatabaseSpec &spec, const QString &sql, int limit)
{
    Result<std::unique_ptr<DatabaseConnection>> connection = DatabaseConnection::open(spec);
    if (!connection)
        return connection.error();
    QList<QJsonObject> rows;
    const Status read = connection.value()->query(
        sql,
        [&rows](const QJsonObject &row) {
            rows.append(row);
            return true;
        },
        limit);
    if (!read)
        return read.error();
    return rows;
}

} // namespace jb
