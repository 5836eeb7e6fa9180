#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace jb {

class KeychainSecretStore;

// Sets or clears one secret in the OS keychain. Probes name their secrets; this is where the
// value goes, and the only place the GUI ever holds it (the field is emptied once it is stored).
class SecretDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretDialog)

public:
    // `names` are the secrets the project references, offered in the name box.
    SecretDialog(KeychainSecretStore *store, const QStringList &names, QWidget *parent = nullptr);

    void setName(const QString &name);
    QString name() const;

private:
    void store();
    void clear();
    void onFinished(const QString &name, bool ok, const QString &errorString);
    void updateButtons();

    KeychainSecretStore *m_store;
    QComboBox *m_name;
    QLineEdit *m_value;
    QLabel *m_status;
    QPushButton *m_storeButton;
    QPushButton *m_clearButton;
    QString m_pending; // the secret a keychain job is working on ({} = none)
};

} // namespace jb
