#pragma once

#include "core/result.h"

#include <QJsonValue>
#include <QStringList>

#include <memory>

namespace valijson {
class Schema;
}

namespace jb {

// A compiled JSON Schema (through valijson). Compile once, validate many times: validation only
// reads the schema, so one instance may be shared by every worker thread.
class JsonSchema final
{
public:
    ~JsonSchema();
    Q_DISABLE_COPY_MOVE(JsonSchema)

    static Result<std::shared_ptr<const JsonSchema>> compile(const QJsonValue &schema);
    // Every violation as "path: description" ("" when the value conforms).
    QStringList validate(const QJsonValue &value) const;

private:
    JsonSchema();
    std::unique_ptr<valijson::Schema> m_schema;
};

} // namespace jb
