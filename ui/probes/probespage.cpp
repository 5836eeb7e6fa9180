// The probes page: its widgets, the plan it shows, and what the selection shows.
#include "probespage.h"

#include "chainedsecretstore.h"
#include "environmentbox.h"
#include "environmentsecretstore.h"
#include "keychainsecretstore.h"
#include "latencychart.h"
#include "latencyhistorymodel.h"
#include "probeplanner.h"
#include "proberesultsmodel.h"
#include "proberunner.h"
#include "probetableproxy.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "tablestyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

ProbesPage::ProbesPage(ProjectSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_results(new ProbeResultsModel(this))
    , m_proxy(new ProbeTableProxy(this))
    , m_history(new LatencyHistoryModel(this))
    , m_runner(new ProbeRunner(ProbeContext{}, this))
    , m_replan(new QTimer(this))
{
    setObjectName(u"probesPage"_s);
    m_io.setMaxThreadCount(1);
    // the keychain object must live on this thread; the chain hands it to the probes' workers
    auto keychain = std::make_shared<KeychainSecretStore>(u"JourneyBench"_s);
    m_keychain = keychain.get();
    m_secrets = std::make_shared<ChainedSecretStore>(QList<std::shared_ptr<const SecretStore>>{
        std::make_shared<EnvironmentSecretStore>(), std::move(keychain)});
    m_proxy->setSourceModel(m_results);
    buildLayout();

    // a burst of edits (an undo of a removal of several probes) replans once
    m_replan->setSingleShot(true);
    m_replan->setInterval(0);
    connect(m_replan, &QTimer::timeout, this, &ProbesPage::replan);
    ProjectDocument *document = m_session->document();
    connect(document, &ProjectDocument::wasReset, this, [this] {
        m_environment.clear();
        m_entries.clear();
        m_evidencePath.clear();
        m_results->setProbes({});
        replan();
        loadEvidence();
    });
    const auto changed = [this] { m_replan->start(); };
    connect(document, &ProjectDocument::entityInserted, this, changed);
    connect(document, &ProjectDocument::entityRemoved, this, changed);
    connect(document, &ProjectDocument::entityChanged, this, changed);

    connect(m_proxy, &ProbeTableProxy::enabledToggled, this, &ProbesPage::setProbeEnabled);
    connect(m_runner, &ProbeRunner::started, this, [this](int total) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(0);
        m_progress->setFormat(u"%v of %m"_s);
        updateActions();
    });
    connect(m_runner, &ProbeRunner::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(done);
    });
    connect(m_runner, &ProbeRunner::probeFinished, this, [this](const ProbeResult &result) {
        m_results->setResult(result);
        m_history->append(result);
        if (result.probeId == selectedProbeId())
            updateDetails();
    });
    connect(m_runner, &ProbeRunner::finished, this, &ProbesPage::onFinished);

    if (document->hasFolder()) { // a page made after the project opened
        replan();
        loadEvidence();
    }
    updateActions();
}

ProbesPage::~ProbesPage()
{
    // the runner first: it waits for its probes, whose contexts share the secret stores
    delete m_runner;
    m_runner = nullptr;
    m_io.waitForDone();
}

void ProbesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // the other phase's page (or the CLI) may have run probes since: their evidence counts here too
    if (!isRunning() && m_session->document()->hasFolder())
        loadEvidence();
}

void ProbesPage::buildLayout()
{
    m_table = new QTableView(this);
    m_table->setObjectName(u"probesTable"_s);
    m_table->setModel(m_proxy);
    TableStyle::apply(m_table);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setIconSize(QSize(16, 16));
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->resizeSection(ProbeResultsModel::StatusColumn, 120);
    header->resizeSection(ProbeResultsModel::TargetColumn, 420);
    header->resizeSection(ProbeResultsModel::LatencyColumn, 90);
    connect(m_table, &QTableView::doubleClicked, this, &ProbesPage::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ProbesPage::onCurrentChanged);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProbesPage::updateActions);

    m_details = new QTextBrowser(this);
    m_details->setObjectName(u"probeDetails"_s);
    m_details->setOpenLinks(false);
    m_chart = new LatencyChart(m_history, this);
    m_chart->setObjectName(u"latencyChart"_s);

    auto *below = new QSplitter(Qt::Horizontal, this);
    below->addWidget(m_details);
    below->addWidget(m_chart);
    below->setStretchFactor(0, 1);
    below->setStretchFactor(1, 1);
    below->setChildrenCollapsible(false);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(below);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"probesSummary"_s);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(buildToolbar());
    layout->addWidget(split, 1);
    layout->addWidget(m_summary);
}

QWidget *ProbesPage::buildToolbar()
{
    auto *bar = new QWidget(this);
    m_environmentBox = new QComboBox(bar);
    m_environmentBox->setObjectName(u"probesEnvironment"_s);
    m_environmentBox->setMinimumContentsLength(10);
    m_environmentBox->setToolTip(u"The environment whose inventory the probes test"_s);
    connect(m_environmentBox, &QComboBox::activated, this,
        [this] { setEnvironment(m_environmentBox->currentText()); });
    m_phaseBox = new QComboBox(bar);
    m_phaseBox->setObjectName(u"probesPhase"_s);
    m_phaseBox->addItem(u"Phases 1 and 2"_s, 0);
    m_phaseBox->addItem(u"1 Connection"_s, 1);
    m_phaseBox->addItem(u"2 Servers / DB"_s, 2);
    connect(m_phaseBox, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setPhase(m_phaseBox->currentData().toInt());
        updateSummary();
        updateActions();
    });

    const auto button = [bar](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text, bar);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    m_runSelected = button(u"Run selected"_s, u"runSelected"_s, u"Run the selected probes"_s);
    m_runPhase = button(u"Run phase"_s, u"runPhase"_s, u"Run every enabled probe shown"_s);
    m_runAll = button(u"Run all"_s, u"runAll"_s, u"Run every enabled probe of phases 1 and 2"_s);
    m_runAll->setDefault(true);
    m_cancel = button(u"Cancel"_s, u"cancelRun"_s, u"Stop the run; the probes not started are skipped"_s);
    connect(m_runSelected, &QPushButton::clicked, this, &ProbesPage::runSelected);
    connect(m_runPhase, &QPushButton::clicked, this, &ProbesPage::runPhase);
    connect(m_runAll, &QPushButton::clicked, this, &ProbesPage::runAll);
    connect(m_cancel, &QPushButton::clicked, this, &ProbesPage::cancel);
    m_progress = new QProgressBar(bar);
    m_progress->setObjectName(u"probesProgress"_s);
    m_progress->setTextVisible(true);
    m_progress->setFormat(u"idle"_s);
    m_progress->setValue(0);
    m_progress->setMinimumWidth(140);
    m_progress->setMaximumWidth(220);

    const auto tool = [bar](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QToolButton(bar);
        b->setText(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return b;
    };
    m_add = tool(u"Add…"_s, u"addProbe"_s, u"Add a probe of your own"_s);
    m_edit = tool(u"Edit…"_s, u"editProbe"_s, u"Change the selected probe (kept in the project)"_s);
    m_remove = tool(
        u"Remove"_s, u"removeProbe"_s, u"Remove a probe you added, or undo your edit of a generated one"_s);
    auto *secrets
        = tool(u"Secrets…"_s, u"probeSecrets"_s, u"Set or clear a secret the probes use, in the keychain"_s);
    connect(m_add, &QToolButton::clicked, this, &ProbesPage::addNew);
    connect(m_edit, &QToolButton::clicked, this, &ProbesPage::editSelected);
    connect(m_remove, &QToolButton::clicked, this, &ProbesPage::removeSelected);
    connect(secrets, &QToolButton::clicked, this, &ProbesPage::openSecrets);

    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(u"Environment:"_s, bar));
    row->addWidget(m_environmentBox);
    row->addWidget(m_phaseBox);
    row->addSpacing(10);
    row->addWidget(m_runSelected);
    row->addWidget(m_runPhase);
    row->addWidget(m_runAll);
    row->addWidget(m_cancel);
    row->addWidget(m_progress);
    row->addStretch(1);
    row->addWidget(m_add);
    row->addWidget(m_edit);
    row->addWidget(m_remove);
    row->addWidget(secrets);
    return bar;
}

void ProbesPage::setPhase(int phase)
{
    const int index = m_phaseBox->findData(phase);
    if (index >= 0)
        m_phaseBox->setCurrentIndex(index);
}

int ProbesPage::phase() const
{
    return m_proxy->phase();
}

void ProbesPage::setEnvironment(const QString &environment)
{
    if (environment == m_environment)
        return;
    m_environment = environment;
    m_environmentBox->setCurrentText(environment);
    m_results->setProbes({}); // another environment's results do not belong here
    replan();
    loadEvidence();
    Q_EMIT environmentChanged(m_environment);
}

void ProbesPage::setSecretStore(std::shared_ptr<const SecretStore> secrets)
{
    m_secrets = std::move(secrets);
}

void ProbesPage::refreshEnvironments()
{
    EnvironmentBox::refill(m_environmentBox, m_session->document()->allEntities(), m_environment);
}

void ProbesPage::replan()
{
    m_replan->stop();
    const QString before = m_environment;
    refreshEnvironments();
    const QString selected = selectedProbeId();
    m_plan = m_environment.isEmpty()
        ? QList<ProbeSpec>()
        : ProbePlanner::plan(m_session->document()->allEntities(), m_environment);
    m_results->setProbes(m_plan);
    if (before != m_environment && !before.isEmpty())
        loadEvidence();
    if (before != m_environment)
        Q_EMIT environmentChanged(m_environment);
    if (!selected.isEmpty())
        selectProbe(selected);
    updateSummary();
    updateActions();
    updateDetails();
}

std::optional<ProbeSpec> ProbesPage::probe(const QString &id) const
{
    for (const ProbeSpec &spec : m_plan) {
        if (spec.id == id)
            return spec;
    }
    return std::nullopt;
}

QString ProbesPage::selectedProbeId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ProbeResultsModel::ProbeIdRole).toString() : QString();
}

void ProbesPage::selectProbe(const QString &id)
{
    const int row = m_results->rowOf(id);
    const QModelIndex index = m_proxy->mapFromSource(m_results->index(row, 0));
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void ProbesPage::onCurrentChanged()
{
    const QString id = selectedProbeId();
    if (id != m_history->probeId())
        m_history->setProbeId(id);
    const std::optional<ProbeSpec> spec = probe(id);
    m_chart->setTitle(spec ? u"Latency: "_s + spec->name : QString());
    updateDetails();
    updateActions();
}

void ProbesPage::updateActions()
{
    const bool running = isRunning();
    const bool hasProject = m_session->document()->hasFolder() && !m_plan.isEmpty();
    const bool selected = m_table->selectionModel()->hasSelection();
    m_runSelected->setEnabled(!running && selected);
    m_runPhase->setEnabled(!running && hasProject && m_proxy->phase() != 0);
    m_runAll->setEnabled(!running && hasProject);
    m_cancel->setEnabled(running);
    m_add->setEnabled(m_session->document()->hasFolder());
    const std::optional<ProbeSpec> spec = probe(selectedProbeId());
    m_edit->setEnabled(spec.has_value());
    m_remove->setEnabled(spec && spec->origin != ProbeSpec::Origin::Generated);
    m_remove->setText(spec && spec->origin == ProbeSpec::Origin::Edited ? u"Revert"_s : u"Remove"_s);
}

void ProbesPage::updateSummary()
{
    int shown = 0;
    int enabled = 0;
    QHash<QString, int> byStatus;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        ++shown;
        if (!index.data(ProbeResultsModel::EnabledRole).toBool())
            continue;
        ++enabled;
        ++byStatus[index.data(ProbeResultsModel::StatusRole).toString()];
    }
    QString text = u"%1 probes (%2 enabled) in %3"_s.arg(shown).arg(enabled).arg(
        m_environment.isEmpty() ? u"no environment"_s : m_environment);
    if (enabled > 0) {
        text += u": %1 passed, %2 failed, %3 in error, %4 not run"_s.arg(byStatus.value(u"pass"_s))
                    .arg(byStatus.value(u"fail"_s))
                    .arg(byStatus.value(u"error"_s))
                    .arg(byStatus.value(QString()) + byStatus.value(u"skipped"_s));
    }
    if (!m_entries.isEmpty())
        text += u" · %1 runs in the evidence"_s.arg(m_entries.size());
    m_summary->setText(text);
}

void ProbesPage::updateDetails()
{
    const std::optional<ProbeSpec> spec = probe(selectedProbeId());
    if (!spec) {
        m_details->setHtml(
            u"<p style=\"color:gray\">Select a probe to see what it tried and what answered.</p>"_s);
        return;
    }
    const std::optional<ProbeResult> result = m_results->result(m_results->rowOf(spec->id));
    const auto esc = [](const QString &text) { return text.toHtmlEscaped(); };
    QString html = u"<p><b>%1</b><br><span style=\"color:gray\">%2 · %3 · phase %4 · %5</span></p>"_s
                       .arg(esc(spec->name), esc(ProbeSpec::typeLabel(spec->type)), esc(spec->id))
                       .arg(spec->phase)
                       .arg(spec->origin == ProbeSpec::Origin::Generated   ? u"generated from the inventory"_s
                               : spec->origin == ProbeSpec::Origin::Edited ? u"generated, edited"_s
                                                                           : u"added by you"_s);
    if (spec->insecure || (result && result->insecure))
        html += u"<p style=\"color:#c62828\"><b>TLS verification is OFF for this probe</b>: a "
                "certificate that is expired, self-signed or for another name is accepted.</p>"_s;
    if (!spec->enabled)
        html += u"<p style=\"color:gray\">Disabled: runs skip it.</p>"_s;
    html += u"<p>Target: %1"_s.arg(esc(spec->target()));
    if (!spec->sources.isEmpty())
        html += u"<br>Tests: %1"_s.arg(esc(spec->sources.join(u", "_s)));
    html += u"</p>"_s;
    if (!result) {
        html += u"<p style=\"color:gray\">Not run yet in %1.</p>"_s.arg(esc(m_environment));
    } else {
        html
            += u"<p><b>%1</b>: %2"_s.arg(esc(ProbeResult::statusLabel(result->status)), esc(result->summary));
        if (result->hasLatency())
            html += u" (%1 ms)"_s.arg(result->latencyMs, 0, 'f', 1);
        html += u"<br><span style=\"color:gray\">%1"_s.arg(
            esc(QLocale().toString(result->timestamp.toLocalTime(), QLocale::ShortFormat)));
        if (const QString path = m_evidencePath.value(spec->id); !path.isEmpty())
            html += u" · evidence %1"_s.arg(esc(path));
        html += u"</span></p>"_s;
        if (!result->details.isEmpty())
            html += u"<pre>%1</pre>"_s.arg(esc(result->details));
    }
    m_details->setHtml(html);
}

} // namespace jb
