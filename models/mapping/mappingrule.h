#pragma once

#include "core/result.h"
#include "transformspec.h"

#include <QJsonObject>

namespace jb {

// One line of a From-To: the consumer field `target` takes the provider field `source` (a
// FieldPath; empty for a rule that only makes a value, like a constant) through `transforms`.
// JSON: {"target": "name", "source": "customername", "transforms": ["trim", "upper"], "note": "..."}
struct MappingRule
{
    QString target;
    QString source;
    QList<TransformSpec> transforms;
    QString note;

    static Result<MappingRule> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    QString transformText() const { return TransformSpec::chainText(transforms); }
    // The provider fields it reads: its source, concatenated fields, and record.x in JavaScript.
    QStringList sourcesRead() const;
    bool operator==(const MappingRule &other) const = default;
};

} // namespace jb
