#pragma once

#include "core/result.h"
#include "httplimits.h"

#include <QLatin1StringView>
#include <QString>

namespace jb {

// The mock server's settings kept in a project, mocks/server.json: {"limits": {...}} (see
// HttpLimits). Like the dataset and the fault rules, a file of the mocks/ folder, not an entity.
struct MockSettings
{
    static constexpr QLatin1StringView projectRelativePath{"mocks/server.json"};

    HttpLimits limits;

    static Result<MockSettings> fromJson(const QByteArray &bytes, const QString &path);
    // The project's settings, or the defaults when it keeps none.
    static Result<MockSettings> load(const QString &projectFolder);
};

} // namespace jb
