#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace jb {

// One line of a De-Para: where a consumer field comes from and how it is transformed.
struct MappingRow
{
    QString sourceField; // system A
    QString sourceType;
    QString rule; // the transform or validation, as people read it ("trim, title case")
    QString targetField; // system B
    QString targetType;
    bool required = false; // required by system B's contract
    QString exampleIn;
    QString exampleOut;
};

// A De-Para between two systems as the documents need it. The mapping engine builds these
// (DeParaTable); the JSON form below is for tools and tests that carry one as a file.
//   {"id", "name", "source": system id, "target": system id,
//    "rows": [{"source", "sourceType", "rule", "target", "targetType", "required", "exampleIn",
//              "exampleOut"}], "gaps": ["..."]}
struct MappingTable
{
    QString id;
    QString name;
    QString sourceSystem;
    QString targetSystem;
    QList<MappingRow> rows;
    QStringList gaps; // required consumer fields with no source, and other problems

    static MappingTable fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

} // namespace jb
