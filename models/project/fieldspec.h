#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace jb {

// What a field holds. Each type knows its JSON type and, for the network types, its syntax.
enum class FieldType
{
    Id, // lower-case letters, digits and dashes; unique within its kind
    Text, // one line
    LongText, // several lines
    Integer,
    Port, // 1..65535
    Bool,
    Enum, // one of FieldSpec::choices
    Ip, // IPv4 or IPv6 address
    Cidr, // address/prefix
    Host, // DNS name or IP address
    Url, // absolute http(s), ws(s), ftp(s) or sftp URL
    Email,
    Date, // ISO 8601 yyyy-MM-dd
    DateTime, // ISO 8601 with time
    Regex, // a regular expression that must compile
    Reference, // the id of an entity of FieldSpec::referenceKind
    IpList,
    CidrList,
    TextList,
    ReferenceList,
    ObjectList, // an array of objects described by FieldSpec::itemFields
};

struct FieldSpec
{
    QString key;
    QString label;
    FieldType type = FieldType::Text;
    bool required = false;
    QStringList choices; // Enum
    QString referenceKind; // Reference, ReferenceList
    QString hint; // what belongs here, shown as a tooltip and placeholder
    QList<FieldSpec> itemFields; // ObjectList
    QStringList onlyFor; // the values of the kind's discriminator this field applies to ({} = all)

    bool isList() const
    {
        return type == FieldType::IpList || type == FieldType::CidrList || type == FieldType::TextList
            || type == FieldType::ReferenceList || type == FieldType::ObjectList;
    }
    bool appliesTo(const QString &discriminatorValue) const
    {
        return onlyFor.isEmpty() || onlyFor.contains(discriminatorValue);
    }
};

} // namespace jb
