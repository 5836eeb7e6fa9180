#pragma once

#include "core/result.h"

#include <QJsonValue>

namespace jb {

// Runs a mapping's JavaScript transforms. Each thread has its own (QJSEngine is single-threaded):
// MappingRunner is one.
class ScriptHost
{
public:
    virtual ~ScriptHost() = default;
    // Script `index` of the plan, called with `value` and the record being mapped.
    virtual Result<QJsonValue> evaluate(int index, const QJsonValue &value) = 0;
};

} // namespace jb
