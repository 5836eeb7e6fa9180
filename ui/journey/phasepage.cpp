#include "phasepage.h"

#include "captioned.h"
#include "checklistpanel.h"
#include "entitypanel.h"
#include "entitytablemodel.h"
#include "journeyschema.h"
#include "navigatormodel.h"
#include "pageheader.h"

#include <QLabel>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// What later versions bring to the phases that record nothing yet.
QString comingText(Phase phase)
{
    switch (phase) {
    case Phase::IntegratedTests:
        return u"Integration scenarios come here: promotion to the test environment, scenario runs "
               u"against the mocks or the real systems, their evidence and the owner's homologation."_s;
    case Phase::Capacity:
        return u"Capacity planning comes here: payload size, concurrent consumers, messages per second "
               u"and criticality, a measured load run and the pipe size it recommends."_s;
    case Phase::Deploy:
        return u"The readiness report comes here: the six deploy steps, each gate with its evidence; "
               u"the deploy stays blocked until every gate holds."_s;
    default:
        return QString();
    }
}

} // namespace

PhasePage::PhasePage(DocumentEditor *editor, QAbstractItemModel *navigator, Phase phase, QWidget *parent)
    : QWidget(parent)
    , m_phase(phase)
    , m_header(new PageHeader(navigator, Phases::number(phase) - 1, this))
    , m_checklist(new ChecklistPanel(editor, phase, this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_splitter->setChildrenCollapsible(false);
    const QList<const KindSpec *> kinds = JourneySchema::kindsOfPhase(Phases::number(phase));
    for (const KindSpec *kind : kinds) {
        auto *panel = new EntityPanel(editor, *kind, this);
        m_panels.append(panel);
        connect(panel, &EntityPanel::summaryChanged, this, [this, panel] { updateTab(panel); });
    }
    if (m_panels.size() > 1) {
        m_tabs = new QTabWidget(this);
        m_tabs->setDocumentMode(true);
        for (EntityPanel *panel : std::as_const(m_panels))
            m_tabs->addTab(panel, panel->kind().plural);
        m_splitter->addWidget(m_tabs);
    } else if (m_panels.size() == 1) {
        m_splitter->addWidget(m_panels.first()); // the page header already names it
    }

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    m_lowerLayout = lowerLayout;
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->setSpacing(10);
    if (const QString coming = comingText(phase); !coming.isEmpty()) {
        m_comingNote = new QLabel(coming, lower);
        m_comingNote->setWordWrap(true);
        m_comingNote->setForegroundRole(QPalette::PlaceholderText);
        m_comingNote->setContentsMargins(0, 8, 0, 8);
        // its height at the narrowest the page gets (the page scrolls below that), so that the
        // splitter never gives it less than its wrapped lines
        m_comingNote->setMinimumHeight(m_comingNote->heightForWidth(480));
        lowerLayout->addWidget(m_comingNote);
    }
    lowerLayout->addWidget(captioned(u"Checklist"_s, m_checklist, lower), m_panels.isEmpty() ? 0 : 1);
    if (m_panels.isEmpty()) {
        m_checklist->setCompact(true); // nothing else on the page: no tall empty table
        lowerLayout->addStretch(1);
    }
    m_splitter->addWidget(lower);
    if (!m_panels.isEmpty()) {
        m_splitter->setStretchFactor(0, 5);
        m_splitter->setStretchFactor(1, 2);
    }

    auto *body = new QVBoxLayout;
    body->setContentsMargins(16, 10, 16, 12);
    body->addWidget(m_splitter, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addLayout(body, 1);
    for (EntityPanel *panel : std::as_const(m_panels))
        updateTab(panel);
}

EntityPanel *PhasePage::panel(const QString &kind) const
{
    for (EntityPanel *panel : m_panels) {
        if (panel->kind().kind == kind)
            return panel;
    }
    return nullptr;
}

void PhasePage::showPanel(const QString &kind)
{
    EntityPanel *target = panel(kind);
    if (target && m_tabs)
        m_tabs->setCurrentWidget(target);
}

QTabWidget *PhasePage::ensureTabs()
{
    if (m_tabs)
        return m_tabs;
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    if (m_panels.size() == 1) {
        m_tabs->addTab(m_panels.first(), m_panels.first()->kind().plural); // takes it off the splitter
        updateTab(m_panels.first());
    }
    m_splitter->insertWidget(0, m_tabs);
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 2);
    if (m_panels.isEmpty()) {
        // the tools are what the page is about now; the checklist stays below, at its natural height
        if (m_comingNote)
            m_comingNote->hide();
        m_splitter->setSizes({700, 200});
    }
    return m_tabs;
}

void PhasePage::addToolTab(QWidget *tool, const QString &title)
{
    QTabWidget *tabs = ensureTabs();
    if (m_tools.isEmpty()) {
        // a tool (the From-To editor, the pipe runner...) needs the whole height; the checklist stays
        // with the inventory tabs, and the header above keeps its completion in sight
        connect(tabs, &QTabWidget::currentChanged, this, [this](int index) {
            m_splitter->widget(1)->setVisible(!m_tools.contains(m_tabs->widget(index)));
        });
    }
    tabs->addTab(tool, title);
    if (m_comingNote)
        m_comingNote->hide(); // the tool is what was coming
    m_tools.append(tool);
}

void PhasePage::showTool(QWidget *tool)
{
    if (m_tabs && m_tabs->indexOf(tool) >= 0)
        m_tabs->setCurrentWidget(tool);
}

void PhasePage::showTab(const QString &title)
{
    for (int i = 0; m_tabs && i < m_tabs->count(); ++i) {
        if (m_tabs->tabText(i).startsWith(title)) {
            m_tabs->setCurrentIndex(i);
            return;
        }
    }
}

void PhasePage::addNote(QWidget *note)
{
    note->setParent(m_lowerLayout->parentWidget());
    m_lowerLayout->insertWidget(m_comingNote ? 1 : 0, note);
}

void PhasePage::updateTab(EntityPanel *panel)
{
    if (!m_tabs)
        return;
    const int at = m_tabs->indexOf(panel);
    const int count = panel->model()->rowCount();
    m_tabs->setTabText(at, u"%1 (%2)"_s.arg(panel->kind().plural).arg(count));
    const int problems = panel->problemRowCount();
    m_tabs->setTabIcon(at, problems > 0 ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
    m_tabs->setTabToolTip(at, problems > 0 ? u"%1 with invalid values"_s.arg(problems) : QString());
}

} // namespace jb
