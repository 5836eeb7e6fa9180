#include "environmentspage.h"

#include "documenteditor.h"
#include "entitypanel.h"
#include "journeyschema.h"
#include "navigatormodel.h"
#include "pageheader.h"
#include "projectdocument.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

EnvironmentsPage::EnvironmentsPage(DocumentEditor *editor, QAbstractItemModel *navigator, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_panel(new EntityPanel(editor, *JourneySchema::kind(u"environment"_s), this))
{
    setObjectName(u"environmentsPage"_s);
    auto *note = new QLabel(u"Each environment is where something runs: the connectivity tests and the "
                            u"firewall request of phases 1 and 2 use its source addresses, the pipe runs "
                            u"and tests of phases 6 to 8 read its variables, and the deploy of phase 10 "
                            u"checks them. Secrets are named here; their values stay in the keychain."_s,
        this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *body = new QVBoxLayout;
    body->setContentsMargins(16, 10, 16, 12);
    body->setSpacing(8);
    body->addWidget(note);
    body->addWidget(m_panel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(new PageHeader(navigator, NavigatorModel::environmentsRow, this));
    layout->addLayout(body, 1);
}

void EnvironmentsPage::select(const QString &id)
{
    // the panel's model rows are the document's rows of the kind
    if (const int row = m_editor->document()->rowOf(u"environment"_s, id); row >= 0)
        m_panel->selectRow(row);
}

} // namespace jb
