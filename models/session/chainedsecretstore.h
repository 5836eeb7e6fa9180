#pragma once

#include "secretstore.h"

#include <QList>

#include <memory>

namespace jb {

// Asks several stores in turn and answers with the first that has the secret: the GUI looks at
// JOURNEYBENCH_SECRET_<NAME> first (what CI and a shell session set) and then the keychain, so a
// probe runs the same way in the GUI as in `journeybench-cli check`. Thread-safe when its stores are.
class ChainedSecretStore final : public SecretStore
{
public:
    explicit ChainedSecretStore(QList<std::shared_ptr<const SecretStore>> stores);

    Result<QString> secret(const QString &name) const override;
    QString describe(const QString &name) const override;

private:
    QList<std::shared_ptr<const SecretStore>> m_stores;
};

} // namespace jb
