#pragma once

#include "core/result.h"
#include "fieldpath.h"
#include "transformspec.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace jb {

class ScriptHost;

// One transform, compiled: its parameters checked and converted once, so that applying it to a
// million records only does the work itself. Immutable; shared by every worker thread.
class TransformStep final
{
public:
    // `scriptIndex` is where a JavaScript step's source sits in the plan's script list.
    static Result<TransformStep> compile(const TransformSpec &spec, int scriptIndex = -1);

    TransformOp op() const { return m_op; }
    // Transforms `value` in place; on failure returns why and leaves `value` as it was. `element`
    // is the array index when a "[]" rule maps element-wise (-1 otherwise).
    std::optional<QString> apply(
        QJsonValue &value, const QJsonObject &record, qsizetype element, ScriptHost *scripts) const;

private:
    TransformStep() = default;

    TransformOp m_op = TransformOp::Trim;
    bool m_left = true;
    QString m_fill;
    int m_width = 0;
    int m_start = 0;
    int m_length = -1;
    QString m_from;
    QString m_to;
    QChar m_decimal = u'.';
    QChar m_outDecimal; // null: write a JSON number
    int m_places = -1;
    QList<FieldPath> m_fields;
    QString m_separator;
    QJsonValue m_value;
    QHash<QString, QJsonValue> m_table;
    std::optional<QJsonValue> m_fallback;
    int m_script = -1;
};

} // namespace jb
