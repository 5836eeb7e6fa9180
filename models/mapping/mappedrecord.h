#pragma once

#include "fielderror.h"

#include <QJsonObject>
#include <QList>

namespace jb {

// What one rule did to one record, for the preview.
struct MappedField
{
    QString target;
    QString source;
    QJsonValue input; // the source value as read (undefined: missing)
    QJsonValue output; // what was written (undefined: nothing)
    QString error; // why the rule failed, empty when it did not
};

// One record after a mapping: the consumer's object, every field error (the transforms' and the
// target contract's, in the contract's field order) and, on request, each rule's outcome.
struct MappedRecord
{
    QJsonObject object;
    FieldErrors errors;
    QList<MappedField> fields;

    bool ok() const { return errors.isEmpty(); }
};

} // namespace jb
