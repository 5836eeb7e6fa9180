#pragma once

#include "secretstore.h"

#include <QProcessEnvironment>

namespace jb {

// Secrets for headless runs: the secret "customers-db-password" is read from the environment
// variable JOURNEYBENCH_SECRET_CUSTOMERS_DB_PASSWORD. The environment is copied when the store is
// made, so a test can pass its own and reads never race with setenv().
class EnvironmentSecretStore final : public SecretStore
{
public:
    explicit EnvironmentSecretStore(
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    Result<QString> secret(const QString &name) const override;
    QString describe(const QString &name) const override;

    // JOURNEYBENCH_SECRET_ + the name in upper case, every other character than A-Z and 0-9 as '_'.
    static QString variableName(const QString &secretName);

private:
    QProcessEnvironment m_environment;
};

} // namespace jb
