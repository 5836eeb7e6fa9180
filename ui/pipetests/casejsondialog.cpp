#include "casejsondialog.h"

#include "statustint.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

CaseJsonDialog::CaseJsonDialog(const QJsonObject &test, Check check, QWidget *parent)
    : QDialog(parent)
    , m_check(std::move(check))
    , m_text(new QPlainTextEdit(this))
    , m_problems(new QLabel(this))
{
    setWindowTitle(tr("Edit case: %1").arg(test.value(u"name"_s).toString()));
    m_text->setObjectName(u"caseJson"_s);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setPlainText(QString::fromUtf8(QJsonDocument(test).toJson(QJsonDocument::Indented)));
    m_problems->setObjectName(u"caseJsonProblems"_s);
    m_problems->setWordWrap(true);
    StatusTint::apply(m_problems, ThemeColors::Status::Error);
    m_problems->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (tryAccept())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    resize(720, 600);
}

bool CaseJsonDialog::tryAccept()
{
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(m_text->toPlainText().toUtf8(), &error);
    QStringList problems;
    if (error.error != QJsonParseError::NoError)
        problems.append(tr("Not JSON at character %1: %2").arg(error.offset).arg(error.errorString()));
    else if (!parsed.isObject())
        problems.append(tr("A case is a JSON object"));
    else if (m_check)
        problems = m_check(parsed.object());
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    if (!problems.isEmpty())
        return false;
    m_edited = parsed.object();
    return true;
}

} // namespace jb
