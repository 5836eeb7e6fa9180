#include "newprojectdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

NewProjectDialog::NewProjectDialog(const QString &startFolder, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_folder(new QLineEdit(this))
    , m_startFolder(startFolder)
{
    setWindowTitle(u"New Project"_s);
    m_name->setPlaceholderText(u"e.g. Acme — order integrations"_s);
    m_folder->setPlaceholderText(u"an empty folder, or one to create"_s);
    auto *browse = new QPushButton(u"&Browse…"_s, this);
    connect(browse, &QPushButton::clicked, this, &NewProjectDialog::browse);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    auto *note = new QLabel(u"The project is a folder of small JSON files (journey.json and one file per "
                            u"entity), made to live in git."_s,
        this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(u"&Name:"_s, m_name);
    // a row of a layout gets a plain label, which would show the "&": a label with a buddy keeps it a
    // mnemonic
    auto *folderLabel = new QLabel(u"&Folder:"_s, this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(u"&Create"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &NewProjectDialog::update);
    connect(m_folder, &QLineEdit::textChanged, this, &NewProjectDialog::update);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    update();
}

QString NewProjectDialog::name() const
{
    return m_name->text().trimmed();
}

QString NewProjectDialog::folder() const
{
    return QDir::cleanPath(m_folder->text().trimmed());
}

void NewProjectDialog::browse()
{
    const QString chosen = QFileDialog::getExistingDirectory(
        this, u"Choose an Empty Folder"_s, m_folder->text().isEmpty() ? m_startFolder : m_folder->text());
    if (chosen.isEmpty())
        return;
    m_folder->setText(chosen);
    if (m_name->text().isEmpty())
        m_name->setText(QDir(chosen).dirName());
}

void NewProjectDialog::update()
{
    m_ok->setEnabled(!name().isEmpty() && !m_folder->text().trimmed().isEmpty());
}

} // namespace jb
