#include "signoffdialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

SignoffDialog::SignoffDialog(const QString &what, const QString &defaultSigner, QWidget *parent)
    : QDialog(parent)
    , m_who(new QLineEdit(defaultSigner, this))
    , m_comment(new QPlainTextEdit(this))
    , m_at(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
{
    setWindowTitle(u"Sign Off"_s);
    auto *heading = new QLabel(u"<b>%1</b>"_s.arg(what.toHtmlEscaped()), this);
    heading->setWordWrap(true);
    m_comment->setPlaceholderText(u"Optional: what was checked, conditions, references"_s);
    m_comment->setTabChangesFocus(true);
    m_comment->setFixedHeight(m_comment->fontMetrics().lineSpacing() * 4 + 12);

    auto *form = new QFormLayout;
    form->addRow(u"&Who:"_s, m_who);
    form->addRow(u"When:"_s, new QLabel(m_at, this));
    form->addRow(u"&Comment:"_s, m_comment);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(u"&Sign Off"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto updateOk = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_who->text().trimmed().isEmpty());
    };
    connect(m_who, &QLineEdit::textChanged, this, updateOk);
    updateOk();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_who->selectAll();
}

Signoff SignoffDialog::signoff() const
{
    return {m_who->text().trimmed(), m_at, m_comment->toPlainText().trimmed()};
}

QString SignoffDialog::defaultSigner(const QString &fallback)
{
    const QString user = QString::fromLocal8Bit(qgetenv("USER")).trimmed();
    return user.isEmpty() ? fallback : user;
}

} // namespace jb
