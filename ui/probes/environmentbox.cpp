#include "environmentbox.h"

#include "documenteditor.h"
#include "probeplanner.h"
#include "probeworkbench.h"
#include "projectdocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace jb {

EnvironmentBox::EnvironmentBox(DocumentEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_combo(new QComboBox(this))
    , m_new(new QToolButton(this))
    , m_edit(new QLabel(this))
{
    m_combo->setMinimumContentsLength(10);
    m_new->setObjectName(u"newEnvironment"_s);
    m_new->setText(u"New environment…"_s);
    m_new->setToolTip(u"Add an environment to the project and use it here (undoable)"_s);
    m_new->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_new, &QToolButton::clicked, this, &EnvironmentBox::askForNew);
    m_edit->setObjectName(u"editEnvironments"_s);
    m_edit->setText(u"<a href=\"environments\">Edit environments</a>"_s);
    m_edit->setToolTip(u"Their source addresses, variables and secret names, on the Environments page"_s);
    m_edit->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_edit, &QLabel::linkActivated, this, [this] { Q_EMIT editRequested(m_combo->currentText()); });

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(6);
    row->addWidget(m_combo);
    row->addWidget(m_new);
    row->addWidget(m_edit);
}

void EnvironmentBox::refill(QComboBox *box, const QList<EntityRecord> &entities, QString &environment)
{
    environment = ProbeWorkbench::environmentFor(entities, environment);
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItems(ProbePlanner::environments(entities));
    box->setCurrentText(environment);
}

void EnvironmentBox::askForNew()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"newEnvironmentName"_s);
    dialog->setWindowTitle(u"New Environment"_s);
    dialog->setLabelText(u"Name of the new environment (e.g. Homologation); its id is made from it:"_s);
    dialog->setOkButtonText(u"Add"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        if (!name.trimmed().isEmpty())
            addEnvironment(name.trimmed());
    });
    dialog->open();
}

QString EnvironmentBox::addEnvironment(const QString &name)
{
    ProjectDocument *document = m_editor->document();
    const int row = m_editor->addEntity(u"environment"_s, QJsonObject{{u"name"_s, name}});
    const QString id = document->at(u"environment"_s, row).id();
    // the page refilled the box when the document announced the insert; choose the new one
    m_combo->setCurrentText(id);
    Q_EMIT created(id);
    return id;
}

} // namespace jb
