#include "diagnosticsdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

DiagnosticsDialog::DiagnosticsDialog(
    const QString &title, const QString &intro, const Diagnostics &diagnostics, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics)
        lines.append(diagnostic.format());

    auto *label = new QLabel(intro, this);
    label->setWordWrap(true);
    auto *text = new QPlainTextEdit(lines.join(u'\n'), this);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(u"&Copy"_s, QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
        [lines] { QApplication::clipboard()->setText(lines.join(u'\n') + u'\n'); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(text, 1);
    layout->addWidget(buttons);
    resize(760, 360);
}

} // namespace jb
