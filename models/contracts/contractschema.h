#pragma once

#include "contract.h"
#include "core/result.h"

namespace jb {

// A contract as JSON Schema (draft-07) and back. The subset: type (date and datetime become
// strings with format date / date-time), required, pattern (the contract's format), maxLength,
// enum, examples, description, nested objects and arrays. "x-propertyOrder" keeps the field order
// that JSON objects lose; "x-contractId" keeps the contract's id.
class ContractSchema final
{
public:
    static constexpr QLatin1StringView draft07{"http://json-schema.org/draft-07/schema#"};

    static QJsonObject toJsonSchema(const Contract &contract);
    // Local $refs (#/definitions/X, #/$defs/X) are followed; `warnings` learns what was simplified.
    static Result<Contract> fromJsonSchema(const QJsonObject &schema, QStringList *warnings = nullptr);
    // A readable id made from a name: "ViaCepAddress" -> "via-cep-address".
    static QString slug(const QString &name);
};

} // namespace jb
