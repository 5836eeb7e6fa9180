#pragma once

#include "secretstore.h"

#include <QObject>

#include <chrono>

namespace jb {

// Secrets kept in the OS keychain through QtKeychain (Secret Service, KWallet, macOS Keychain,
// Windows Credential Manager). Never falls back to QtKeychain's plain-text storage.
// The object lives on the GUI thread, where QtKeychain's jobs must run; secret() may be called
// from any thread: from a worker it hands the job to this object's thread and waits (bounded),
// so the GUI thread itself never blocks.
class KeychainSecretStore final : public QObject, public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    Result<QString> secret(const QString &name) const override;
    QString describe(const QString &name) const override;

    // Asynchronous, from the GUI: each ends with one finished() signal.
    void write(const QString &name, const QString &value);
    void remove(const QString &name);

    static constexpr std::chrono::milliseconds readTimeout{20000};

Q_SIGNALS:
    void finished(const QString &name, bool ok, const QString &errorString);

private:
    struct PendingRead;
    void startRead(const QString &name, const std::shared_ptr<PendingRead> &pending) const;

    QString m_service;
};

} // namespace jb
