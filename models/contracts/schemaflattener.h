#pragma once

#include "contract.h"
#include "orderedjson.h"

namespace jb {

// Turns a JSON Schema (draft-07, or an OpenAPI 3 schema object) into a contract's flat field
// dictionary: nested objects become "a.b", arrays "items[].sku" / "tags[]". Follows local $refs
// ("#/components/schemas/X") anywhere in the document; a $ref that leads back into a schema being
// expanded is listed once, marked recursive and not expanded again. allOf members are merged;
// oneOf/anyOf keep their first alternative (with a warning).
class SchemaFlattener final
{
public:
    explicit SchemaFlattener(const OrderedJson &document);

    // The fields of the schema found at `pointer` in the document.
    QList<ContractField> flatten(const QString &pointer);
    // One field's own properties (type, format, pattern, limits, enum, example, description).
    ContractField fieldOf(const QJsonObject &schema, const QString &name, bool required) const;
    QStringList warnings() const { return m_warnings; }

private:
    struct Resolved
    {
        QJsonObject schema;
        QString pointer;
        QStringList refs; // the $ref targets followed to get here
        QString recursiveRef; // set when the $ref leads into a schema being expanded
    };
    struct Property
    {
        QString name;
        QJsonValue schema;
        QString pointer;
    };

    Resolved resolve(const QJsonValue &schema, const QString &pointer);
    void collect(const Resolved &schema, QList<Property> &properties, QStringList &required, int depth);
    QString typeOf(const Resolved &schema, int depth);
    void walkProperties(const Resolved &schema, const QString &prefix, int depth);
    void descend(const Resolved &schema, const QString &path, int depth);
    void warn(const QString &text);

    const OrderedJson &m_document;
    QList<ContractField> m_fields;
    QStringList m_stack; // $ref targets being expanded, to stop cycles
    QStringList m_warnings;
};

} // namespace jb
