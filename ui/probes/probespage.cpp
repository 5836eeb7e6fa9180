// The probes page: its widgets, the workbench's plan it shows, and what the selection shows.
#include "probespage.h"

#include "environmentbox.h"
#include "latencychart.h"
#include "latencyhistorymodel.h"
#include "proberesultsmodel.h"
#include "proberun.h"
#include "proberunner.h"
#include "probetableproxy.h"
#include "probeworkbench.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "tablestyle.h"
#include "themecolors.h"
#include "wording.h"

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
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

ProbesPage::ProbesPage(ProbeWorkbench *workbench, QWidget *parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_proxy(new ProbeTableProxy(this))
    , m_history(new LatencyHistoryModel(this))
{
    setObjectName(u"probesPage"_s);
    m_proxy->setSourceModel(m_workbench->resultsModel());
    buildLayout();
    connectWorkbench();
    // what the workbench holds already (a page made after the project opened)
    onPlanChanged();
    onEvidenceChanged();
}

ProbesPage::~ProbesPage() = default;

void ProbesPage::connectWorkbench()
{
    connect(m_proxy, &ProbeTableProxy::enabledToggled, m_workbench, &ProbeWorkbench::setProbeEnabled);
    connect(
        m_workbench, &ProbeWorkbench::planAboutToChange, this, [this] { m_reselect = selectedProbeId(); });
    connect(m_workbench, &ProbeWorkbench::planChanged, this, &ProbesPage::onPlanChanged);
    connect(m_workbench, &ProbeWorkbench::evidenceChanged, this, &ProbesPage::onEvidenceChanged);
    connect(m_workbench, &ProbeWorkbench::statusMessage, this, &ProbesPage::statusMessage);
    connect(
        m_workbench, &ProbeWorkbench::runStarting, this, [this] { m_progress->setFormat(u"starting"_s); });
    connect(m_workbench, &ProbeWorkbench::runFinished, this, &ProbesPage::onRunFinished);
    connect(m_workbench, &ProbeWorkbench::probeFinished, this, [this](const ProbeResult &result) {
        m_history->append(result);
        if (result.probeId == selectedProbeId())
            updateDetails();
    });
    ProbeRunner *runner = m_workbench->runner();
    connect(runner, &ProbeRunner::started, this, [this](int total) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(0);
        // "Run all" runs both phases' probes while the table may show one phase: say so, or
        // "4 of 4 done" reads as a lie next to two rows
        const int hidden = total - m_proxy->rowCount();
        m_progress->setFormat(hidden > 0 && m_proxy->phase() != 0
                ? u"%v of %m probes (%1 of the other phase, not shown here)"_s.arg(hidden)
                : u"%v of %m probes"_s);
        updateActions();
    });
    connect(runner, &ProbeRunner::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(done);
    });
}

void ProbesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // the other phase's page (or the CLI) may have run probes since: their evidence counts here too
    if (!m_workbench->isRunning() && m_workbench->session()->document()->hasFolder())
        m_workbench->loadEvidence();
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
    m_environmentPicker = new EnvironmentBox(m_workbench->session()->editor(), bar);
    m_environmentBox = m_environmentPicker->combo();
    m_environmentBox->setObjectName(u"probesEnvironment"_s);
    m_environmentBox->setMinimumContentsLength(10);
    m_environmentBox->setToolTip(u"The environment whose inventory the probes test"_s);
    connect(m_environmentBox, &QComboBox::activated, this,
        [this] { m_workbench->setEnvironment(m_environmentBox->currentText()); });
    connect(m_environmentPicker, &EnvironmentBox::created, m_workbench, &ProbeWorkbench::setEnvironment);
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
    connect(m_runAll, &QPushButton::clicked, m_workbench, &ProbeWorkbench::runAll);
    connect(m_cancel, &QPushButton::clicked, m_workbench, &ProbeWorkbench::cancel);
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
    row->addWidget(m_environmentPicker);
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

ProbeResultsModel *ProbesPage::resultsModel() const
{
    return m_workbench->resultsModel();
}

void ProbesPage::refreshEnvironments()
{
    QString environment = m_workbench->environment();
    EnvironmentBox::refill(m_environmentBox, m_workbench->session()->document()->allEntities(), environment);
}

void ProbesPage::onPlanChanged()
{
    refreshEnvironments();
    if (const QString selected = std::exchange(m_reselect, {}); !selected.isEmpty())
        selectProbe(selected);
    updateSummary();
    updateActions();
    updateDetails();
}

void ProbesPage::onEvidenceChanged()
{
    m_history->setHistory(m_workbench->evidence());
    updateSummary();
    updateDetails();
}

void ProbesPage::onRunFinished(const ProbeRun &run)
{
    m_progress->setFormat(run.cancelled ? u"cancelled: %v of %m"_s : u"%v of %m done"_s);
    updateActions();
    updateSummary();
    updateDetails();
}

void ProbesPage::runSelected()
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids.append(index.data(ProbeResultsModel::ProbeIdRole).toString());
    m_workbench->runProbes(ids);
}

void ProbesPage::runPhase()
{
    m_workbench->runPhase(m_proxy->phase());
}

void ProbesPage::addProbe(const QJsonObject &probe)
{
    selectProbe(m_workbench->addProbe(probe));
}

QString ProbesPage::selectedProbeId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ProbeResultsModel::ProbeIdRole).toString() : QString();
}

void ProbesPage::selectProbe(const QString &id)
{
    ProbeResultsModel *results = m_workbench->resultsModel();
    const QModelIndex index = m_proxy->mapFromSource(results->index(results->rowOf(id), 0));
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
    const std::optional<ProbeSpec> spec = m_workbench->probe(id);
    m_chart->setTitle(spec ? u"Latency: "_s + spec->name : QString());
    updateDetails();
    updateActions();
}

void ProbesPage::updateActions()
{
    const bool running = m_workbench->isRunning();
    const bool hasFolder = m_workbench->session()->document()->hasFolder();
    const bool hasProject = hasFolder && !m_workbench->plan().isEmpty();
    const bool selected = m_table->selectionModel()->hasSelection();
    m_runSelected->setEnabled(!running && selected);
    m_runPhase->setEnabled(!running && hasProject && m_proxy->phase() != 0);
    m_runAll->setEnabled(!running && hasProject);
    m_cancel->setEnabled(running);
    m_add->setEnabled(hasFolder);
    const std::optional<ProbeSpec> spec = m_workbench->probe(selectedProbeId());
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
    const QString environment = m_workbench->environment();
    QString text = u"%1 (%2 enabled) in %3"_s.arg(Wording::count(shown, u"probe"_s))
                       .arg(enabled)
                       .arg(environment.isEmpty() ? u"no environment"_s : environment);
    if (enabled > 0) {
        text += u": %1 passed, %2 failed, %3 in error, %4 not run"_s.arg(byStatus.value(u"pass"_s))
                    .arg(byStatus.value(u"fail"_s))
                    .arg(byStatus.value(u"error"_s))
                    .arg(byStatus.value(QString()) + byStatus.value(u"skipped"_s));
    }
    if (const qsizetype runs = m_workbench->evidence().size(); runs > 0)
        text += u" · %1 in the evidence"_s.arg(Wording::count(runs, u"run"_s));
    m_summary->setText(text);
}

void ProbesPage::updateDetails()
{
    const std::optional<ProbeSpec> spec = m_workbench->probe(selectedProbeId());
    const QString muted = ThemeColors::css(ThemeColors::status(ThemeColors::Status::Muted, palette()));
    if (!spec) {
        m_details->setHtml(
            u"<p style=\"color:%1\">Select a probe to see what it tried and what answered.</p>"_s.arg(muted));
        return;
    }
    ProbeResultsModel *results = m_workbench->resultsModel();
    const std::optional<ProbeResult> result = results->result(results->rowOf(spec->id));
    const auto esc = [](const QString &text) { return text.toHtmlEscaped(); };
    QString html = u"<p><b>%1</b><br><span style=\"color:%6\">%2 · %3 · phase %4 · %5</span></p>"_s
                       .arg(esc(spec->name), esc(ProbeSpec::typeLabel(spec->type)), esc(spec->id))
                       .arg(spec->phase)
                       .arg(spec->origin == ProbeSpec::Origin::Generated   ? u"generated from the inventory"_s
                               : spec->origin == ProbeSpec::Origin::Edited ? u"generated, edited"_s
                                                                           : u"added by you"_s)
                       .arg(muted);
    if (spec->insecure || (result && result->insecure))
        html += u"<p style=\"color:%1\"><b>TLS verification is OFF for this probe</b>: a "
                "certificate that is expired, self-signed or for another name is accepted.</p>"_s.arg(
                    ThemeColors::css(ThemeColors::status(ThemeColors::Status::Error, palette())));
    if (!spec->enabled)
        html += u"<p style=\"color:%1\">Disabled: runs skip it.</p>"_s.arg(muted);
    html += u"<p>Target: %1"_s.arg(esc(spec->target()));
    if (!spec->sources.isEmpty())
        html += u"<br>Tests: %1"_s.arg(esc(spec->sources.join(u", "_s)));
    html += u"</p>"_s;
    if (!result) {
        html += u"<p style=\"color:%1\">Not run yet in %2.</p>"_s.arg(muted, esc(m_workbench->environment()));
    } else {
        html
            += u"<p><b>%1</b>: %2"_s.arg(esc(ProbeResult::statusLabel(result->status)), esc(result->summary));
        if (result->hasLatency())
            html += u" (%1 ms)"_s.arg(result->latencyMs, 0, 'f', 1);
        html += u"<br><span style=\"color:%1\">%2"_s.arg(
            muted, esc(QLocale().toString(result->timestamp.toLocalTime(), QLocale::ShortFormat)));
        if (const QString path = m_workbench->evidencePath(spec->id); !path.isEmpty())
            html += u" · evidence %1"_s.arg(esc(path));
        html += u"</span></p>"_s;
        if (!result->details.isEmpty())
            html += u"<pre>%1</pre>"_s.arg(esc(result->details));
    }
    m_details->setHtml(html);
}

} // namespace jb
