#pragma once

#include "checklist.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;

namespace jb {

// Asks who signs and why; the date is now. Used for checklist items and for whole phases. When
// what is signed still has open items, the dialog lists them and signs only with an explicit
// override and its reason, both recorded in the sign-off.
class SignoffDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignoffDialog)

public:
    // `what` names what is signed ("Integration list delivered"); `defaultSigner` fills "Who".
    SignoffDialog(const QString &what, const QString &defaultSigner, const QStringList &openItems = {},
        QWidget *parent = nullptr);

    Signoff signoff() const;
    // The user name from the environment, else `fallback` (the project owner).
    static QString defaultSigner(const QString &fallback);

private:
    QLineEdit *m_who;
    QPlainTextEdit *m_comment;
    QCheckBox *m_override = nullptr;
    QLineEdit *m_reason = nullptr;
    QStringList m_openItems;
    QString m_at;
};

} // namespace jb
