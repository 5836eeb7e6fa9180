#pragma once

#include "core/result.h"
#include "importedcontract.h"

#include <QByteArray>

namespace jb {

// Contracts from a Postman v2.1 collection: for every request (folders included) one contract
// inferred from its raw JSON or XML body, and one per response status from the saved response
// examples. Unquoted {{variables}} in a body are read as text so the body still parses.
class PostmanImport final
{
public:
    static Result<QList<ImportedContract>> fromText(const QByteArray &text, QStringList *warnings = nullptr);
};

} // namespace jb
