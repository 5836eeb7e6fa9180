#pragma once

#include "contract.h"
#include "core/result.h"
#include "orderedjson.h"

#include <QByteArray>

namespace jb {

// A first draft of a contract from one example message, to be edited afterwards. Fields follow
// the message's order; a value present (and not null) is taken as required; strings that look
// like dates or date-times are typed so; the value becomes the field's example. Arrays merge
// their elements: a key is required only when every element has it.
class ContractInference final
{
public:
    // JSON (or YAML) text; the example is kept with the contract.
    static Result<Contract> fromJson(const QByteArray &text);
    // XML: the root element's content; repeated elements become arrays, attributes "@name".
    static Result<Contract> fromXml(const QByteArray &text);
    // Either, by looking at the first character.
    static Result<Contract> fromExample(const QByteArray &text);
    // The fields of a value already parsed, found at `pointer` in `document`.
    static QList<ContractField> fieldsOf(const OrderedJson &document, const QString &pointer);
    // "integer", "number", "boolean", "date", "datetime" or "string" for a value written as text.
    static QString typeOfText(const QString &text);
};

} // namespace jb
