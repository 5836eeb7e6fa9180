#include "firewallrequestpage.h"

#include "core/whendone.h"
#include "environmentbox.h"
#include "firewallrequestmodel.h"
#include "firewalltableproxy.h"
#include "probeplanner.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "projectwriter.h"
#include "tablestyle.h"
#include "wording.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace jb {

FirewallRequestPage::FirewallRequestPage(ProjectSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new FirewallRequestModel(this))
    , m_proxy(new FirewallTableProxy(this))
    , m_refresh(new QTimer(this))
    , m_environmentPicker(new EnvironmentBox(session->editor(), this))
    , m_environmentBox(m_environmentPicker->combo())
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
{
    setObjectName(u"firewallRequestPage"_s);
    m_io.setMaxThreadCount(1);
    m_proxy->setSourceModel(m_model);

    m_environmentBox->setObjectName(u"firewallEnvironment"_s);
    m_environmentBox->setMinimumContentsLength(10);
    connect(m_environmentBox, &QComboBox::activated, this,
        [this] { setEnvironment(m_environmentBox->currentText()); });
    connect(m_environmentPicker, &EnvironmentBox::created, this, &FirewallRequestPage::setEnvironment);
    auto *refreshButton = new QPushButton(u"Refresh"_s, this);
    refreshButton->setToolTip(u"Read the latest probe results again"_s);
    connect(refreshButton, &QPushButton::clicked, this, &FirewallRequestPage::refresh);
    auto *exportButton = new QPushButton(u"Export CSV…"_s, this);
    exportButton->setObjectName(u"exportFirewallCsv"_s);
    connect(exportButton, &QPushButton::clicked, this, &FirewallRequestPage::chooseExportFile);
    auto *intro = new QLabel(u"The openings to ask the network team for: every recorded server port, from "
                             "each source address of the environment, with what the latest probe found."_s,
        this);
    intro->setWordWrap(true);

    m_table->setObjectName(u"firewallTable"_s);
    m_table->setModel(m_proxy);
    TableStyle::apply(m_table);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setIconSize(QSize(16, 16));
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(
        m_model, &QAbstractItemModel::modelReset, m_table, [this] { TableStyle::fitColumns(m_table, 260); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(u"Environment:"_s, this));
    bar->addWidget(m_environmentPicker);
    bar->addWidget(refreshButton);
    bar->addWidget(exportButton);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);

    // edits arrive in bursts (an undo of several rows): one refresh for them all
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(0);
    connect(m_refresh, &QTimer::timeout, this, &FirewallRequestPage::refresh);
    ProjectDocument *document = m_session->document();
    connect(document, &ProjectDocument::wasReset, this, [this] {
        m_environment.clear();
        refresh();
    });
    const auto changed = [this] { m_refresh->start(); };
    connect(document, &ProjectDocument::entityInserted, this, changed);
    connect(document, &ProjectDocument::entityRemoved, this, changed);
    connect(document, &ProjectDocument::entityChanged, this, changed);
    if (document->hasFolder())
        refresh();
}

FirewallRequestPage::~FirewallRequestPage()
{
    m_io.waitForDone();
}

void FirewallRequestPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // a run on the probes page since we were last shown has newer statuses
    m_refresh->start();
}

void FirewallRequestPage::setEnvironment(const QString &environment)
{
    if (environment == m_environment)
        return;
    m_environment = environment;
    refresh();
}

void FirewallRequestPage::refreshEnvironments()
{
    EnvironmentBox::refill(m_environmentBox, m_session->document()->allEntities(), m_environment);
}

void FirewallRequestPage::refresh()
{
    m_refresh->stop();
    refreshEnvironments();
    const quint64 generation = ++m_generation;
    const QString folder = m_session->document()->folder();
    const QString environment = m_environment;
    const QList<EntityRecord> entities = m_session->document()->allEntities();
    whenDone(QtConcurrent::run(&m_io,
                 [folder, environment, entities] {
                     const QList<EvidenceStore::Entry> entries = folder.isEmpty()
                         ? QList<EvidenceStore::Entry>()
                         : EvidenceStore(folder).load(environment);
                     return FirewallRequest::rows(entities, environment, EvidenceStore::latest(entries));
                 }),
        this, [this, generation](const QList<FirewallRow> &rows) {
            if (generation != m_generation)
                return;
            m_model->setRows(rows);
            updateSummary();
            Q_EMIT refreshed();
        });
}

void FirewallRequestPage::updateSummary()
{
    int open = 0;
    int untested = 0;
    for (const FirewallRow &row : m_model->rows()) {
        const QString key = FirewallTableProxy::statusKey(row.status);
        open += key == u"pass";
        untested += key.isEmpty();
    }
    const int rows = int(m_model->rows().size());
    m_summary->setText(
        u"%1 in %2: %3 open, %4 not reachable, %5 not tested"_s.arg(Wording::count(rows, u"opening"_s))
            .arg(m_environment.isEmpty() ? u"no environment"_s : m_environment)
            .arg(open)
            .arg(rows - open - untested)
            .arg(untested));
}

void FirewallRequestPage::chooseExportFile()
{
    const QString folder = m_session->document()->folder();
    const QString suggested = QDir(folder.isEmpty() ? QDir::homePath() : folder)
                                  .filePath(u"firewall-request-%1.csv"_s.arg(m_environment));
    const QString path = QFileDialog::getSaveFileName(
        this, u"Export the firewall request"_s, suggested, u"CSV files (*.csv)"_s);
    if (!path.isEmpty())
        exportCsv(path);
}

void FirewallRequestPage::exportCsv(const QString &path)
{
    const QByteArray csv = m_model->toCsv();
    whenDone(QtConcurrent::run(&m_io, [path, csv] { return ProjectWriter::writeAtomically(path, csv); }),
        this, [this, path](const Status &written) {
            Q_EMIT statusMessage(written
                    ? u"Firewall request exported to %1"_s.arg(QDir::toNativeSeparators(path))
                    : written.errorString());
            Q_EMIT exported(path, written.ok(), written.errorString());
        });
}

} // namespace jb
