#include "signoffdialog.h"

#include <QCheckBox>
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

namespace {

// The open items as an HTML list, the first few by name: a long list must not push the buttons
// off the screen.
QString openItemsHtml(const QStringList &items)
{
    constexpr int shown = 8;
    QString html = u"<ul style=\"margin-left:-20px\">"_s;
    for (qsizetype i = 0; i < items.size() && i < shown; ++i)
        html += u"<li>"_s + items.at(i).toHtmlEscaped() + u"</li>"_s;
    if (items.size() > shown)
        html += u"<li>and %1 more</li>"_s.arg(items.size() - shown);
    return html + u"</ul>"_s;
}

} // namespace

SignoffDialog::SignoffDialog(
    const QString &what, const QString &defaultSigner, const QStringList &openItems, QWidget *parent)
    : QDialog(parent)
    , m_who(new QLineEdit(defaultSigner, this))
    , m_comment(new QPlainTextEdit(this))
    , m_openItems(openItems)
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
    QLabel *warning = nullptr;
    if (!m_openItems.isEmpty()) {
        const QString count
            = m_openItems.size() == 1 ? u"1 item is"_s : u"%1 items are"_s.arg(m_openItems.size());
        warning = new QLabel(u"<b>%1 still open:</b>%2"_s.arg(count, openItemsHtml(m_openItems)), this);
        warning->setObjectName(u"openItems"_s);
        warning->setWordWrap(true);
        m_override = new QCheckBox(u"Sign off &anyway, with these items open"_s, this);
        m_override->setObjectName(u"override"_s);
        m_reason = new QLineEdit(this);
        m_reason->setObjectName(u"overrideReason"_s);
        m_reason->setPlaceholderText(u"Required: why sign-off cannot wait for them"_s);
        m_reason->setEnabled(false);
        connect(m_override, &QCheckBox::toggled, m_reason, &QWidget::setEnabled);
        form->addRow(m_override);
        form->addRow(u"&Reason:"_s, m_reason);
    }
    auto updateOk = [this, buttons] {
        const bool overridden
            = !m_override || (m_override->isChecked() && !m_reason->text().trimmed().isEmpty());
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_who->text().trimmed().isEmpty() && overridden);
    };
    connect(m_who, &QLineEdit::textChanged, this, updateOk);
    if (m_override) {
        connect(m_override, &QCheckBox::toggled, this, updateOk);
        connect(m_reason, &QLineEdit::textChanged, this, updateOk);
    }
    updateOk();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    if (warning)
        layout->addWidget(warning);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_who->selectAll();
}

Signoff SignoffDialog::signoff() const
{
    const bool overridden = m_override && m_override->isChecked();
    return {m_who->text().trimmed(), m_at, m_comment->toPlainText().trimmed(),
        overridden ? m_reason->text().trimmed() : QString(), overridden ? m_openItems : QStringList()};
}

QString SignoffDialog::defaultSigner(const QString &fallback)
{
    const QString user = QString::fromLocal8Bit(qgetenv("USER")).trimmed();
    return user.isEmpty() ? fallback : user;
}

} // namespace jb
