#include "secretdialog.h"

#include "environmentsecretstore.h"
#include "keychainsecretstore.h"
#include "themecolors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

SecretDialog::SecretDialog(KeychainSecretStore *store, const QStringList &names, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_name(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(u"Secrets"_s);
    setObjectName(u"secretDialog"_s);
    m_name->setObjectName(u"secretName"_s);
    m_name->setEditable(true);
    m_name->addItems(names);
    m_name->setMinimumContentsLength(28);
    m_value->setObjectName(u"secretValue"_s);
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setPlaceholderText(u"the password, key passphrase or token"_s);
    m_status->setWordWrap(true);

    auto *intro = new QLabel(u"Probes refer to secrets by name. The value is kept in the system keychain, "
                             "never in the project, its evidence or its exports."_s,
        this);
    intro->setWordWrap(true);
    auto *hint = new QLabel(this);
    hint->setWordWrap(true);
    hint->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(u"Secret:"_s, m_name);
    form->addRow(u"Value:"_s, m_value);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_storeButton = buttons->addButton(u"Store in keychain"_s, QDialogButtonBox::ActionRole);
    m_clearButton = buttons->addButton(u"Remove from keychain"_s, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_storeButton, &QPushButton::clicked, this, &SecretDialog::store);
    connect(m_clearButton, &QPushButton::clicked, this, &SecretDialog::clear);
    connect(m_store, &KeychainSecretStore::finished, this, &SecretDialog::onFinished);
    const auto nameChanged = [this, hint](const QString &name) {
        hint->setText(name.isEmpty()
                ? QString()
                : u"Headless runs read %1 instead."_s.arg(EnvironmentSecretStore::variableName(name)));
        updateButtons();
    };
    connect(m_name, &QComboBox::currentTextChanged, this, nameChanged);
    connect(m_value, &QLineEdit::textChanged, this, &SecretDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
    nameChanged(m_name->currentText());
}

void SecretDialog::setName(const QString &name)
{
    m_name->setCurrentText(name);
}

QString SecretDialog::name() const
{
    return m_name->currentText().trimmed();
}

void SecretDialog::updateButtons()
{
    const bool idle = m_pending.isEmpty();
    m_storeButton->setEnabled(idle && !name().isEmpty() && !m_value->text().isEmpty());
    m_clearButton->setEnabled(idle && !name().isEmpty());
}

void SecretDialog::store()
{
    m_pending = name();
    m_status->setText(u"Storing…"_s);
    updateButtons();
    m_store->write(m_pending, m_value->text());
    m_value->clear(); // the keychain job holds the value now; the dialog keeps no copy
}

void SecretDialog::clear()
{
    m_pending = name();
    m_status->setText(u"Removing…"_s);
    updateButtons();
    m_store->remove(m_pending);
}

void SecretDialog::onFinished(const QString &name, bool ok, const QString &errorString)
{
    if (name != m_pending)
        return;
    m_pending.clear();
    m_status->setText(ok
            ? u"Done: \"%1\" is up to date in the keychain."_s.arg(name)
            : ThemeColors::span(ThemeColors::Status::Error, palette(), errorString.toHtmlEscaped()));
    updateButtons();
}

} // namespace jb
