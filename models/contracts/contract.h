#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace jb {

// One entry of a contract's field dictionary. `name` is a FieldPath ("address.city",
// "items[].sku"); `type` one of types(); `format` a regular expression the value must match.
struct ContractField
{
    QString name;
    QString type = QStringLiteral("string");
    bool required = false;
    QString format;
    std::optional<int> maxLength;
    QStringList enumValues;
    QString example;
    QString description;

    static QStringList types();
    static ContractField fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    bool isContainer() const { return type == u"object" || type == u"array"; }
    bool operator==(const ContractField &other) const = default;
};

// A message example kept with the contract (JSON or XML text).
struct ContractExample
{
    QString name;
    QString mediaType;
    QString content;

    bool operator==(const ContractExample &other) const = default;
};

// A contract as a value: what a "contract" entity of the project holds, without the document.
// Parsing is lenient (the project validator reports bad entities); unknown keys are not kept here,
// so edit the entity, not this value, when its other keys must survive.
struct Contract
{
    QString id;
    QString name;
    QString system;
    QString format; // json, xml, csv, table
    QString description;
    QList<ContractField> fields;
    QList<ContractExample> examples;

    static Contract fromJson(const QJsonObject &entity);
    QJsonObject toJson() const;

    const ContractField *field(const QString &path) const;
    qsizetype indexOf(const QString &path) const;
    QStringList fieldNames() const;
    // The fields a mapping can read or write: every field, plus the containers that only appear
    // in paths ("items" when only "items[].sku" is listed), each after its parent.
    QList<ContractField> withImplicitParents() const;
    bool operator==(const Contract &other) const = default;
};

} // namespace jb
