#pragma once

#include "core/result.h"
#include "importedcontract.h"

#include <QByteArray>

namespace jb {

// Contracts from an OpenAPI 3 document (JSON or YAML): one per schema of components/schemas, and
// one per operation for its parameters and for each request or response body that is not simply
// a $ref to such a schema. Local $refs are followed everywhere (schemas, parameters, request
// bodies, responses); a cycle is listed once and marked. Examples found in the document are kept
// with the contract they illustrate.
class OpenApiImport final
{
public:
    static Result<QList<ImportedContract>> fromText(const QByteArray &text, QStringList *warnings = nullptr);
};

} // namespace jb
