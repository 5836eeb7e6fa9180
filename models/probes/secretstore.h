#pragma once

#include "core/result.h"

#include <QString>

namespace jb {

// Where secret values live. A project file only names a secret ("customers-db-password"); the value
// comes from a store at the moment a probe needs it and is never written anywhere.
// Implementations are read from worker threads: secret() must be thread-safe.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    // The value of the secret `name`, or an Error saying where it was looked for.
    virtual Result<QString> secret(const QString &name) const = 0;
    // Where a secret of this name is looked for, for messages ("environment variable X").
    virtual QString describe(const QString &name) const = 0;
};

} // namespace jb
