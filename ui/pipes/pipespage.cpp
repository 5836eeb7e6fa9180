#include "pipespage.h"

#include "documenteditor.h"
#include "environmentbox.h"
#include "jsonpath.h"
#include "payloadpanel.h"
#include "pipeflowmodel.h"
#include "piperuntime.h"
#include "pipetracemodel.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "stepsettingseditor.h"
#include "themecolors.h"

#include <QComboBox>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QString pipeKind = u"pipe"_s;

// The body as answered; JSON re-indented only when it is an object or array the pipe sent
// compact (QJsonDocument would sort the keys, so a body already readable stays as it is).
QString bodyText(const PipeResult &result)
{
    const QString raw = QString::fromUtf8(result.body);
    if (raw.contains(u'\n') || raw.size() < 100)
        return raw;
    const QJsonDocument document = QJsonDocument::fromJson(result.body);
    return document.isNull() ? raw : QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

} // namespace

PipesPage::PipesPage(ProjectSession *session, PipeRuntime *runtime, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_editor(session->editor())
    , m_runtime(runtime)
    , m_flow(new PipeFlowModel(this))
    , m_trace(new PipeTraceModel(this))
{
    setObjectName(u"pipesPage"_s);
    buildLayout();

    ProjectDocument *document = session->document();
    connect(document, &ProjectDocument::wasReset, this, [this] {
        refreshEnvironments();
        refreshPipes();
    });
    const auto kindChanged = [this](const QString &kind) {
        if (kind == u"environment")
            refreshEnvironments();
        else if (kind == pipeKind)
            refreshPipes();
    };
    connect(document, &ProjectDocument::entityInserted, this, kindChanged);
    connect(document, &ProjectDocument::entityRemoved, this, kindChanged);
    connect(document, &ProjectDocument::entityChanged, this, [this](const QString &kind, int row) {
        if (kind == pipeKind && row == m_session->document()->rowOf(pipeKind, currentPipeId()))
            reloadFlow();
    });
    connect(m_pipeBox, &QComboBox::currentIndexChanged, this, [this] {
        m_trace->setTrace({});
        m_flow->clearTrace();
        m_currentPath.clear();
        reloadFlow();
        m_payload->setPipe(currentPipeId());
        m_resultStatus->setText(tr("Not run yet"));
        m_resultBody->clear();
    });
    connect(m_environmentBox, &QComboBox::currentTextChanged, m_runtime, &PipeRuntime::setEnvironmentName);
    // the box was refilled when the document announced the new environment: choose it
    connect(m_environmentPicker, &EnvironmentBox::created, m_environmentBox, &QComboBox::setCurrentText);
    connect(m_flowView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) { selectCard(current.row()); });
    connect(m_settings, &StepSettingsEditor::settingsEdited, this, &PipesPage::onSettingsEdited);
    connect(m_runButton, &QPushButton::clicked, this, &PipesPage::run);
    connect(m_serveButton, &QToolButton::toggled, this, &PipesPage::setServing);
    connect(m_runtime, &PipeRuntime::servingChanged, this, &PipesPage::updateServe);
    connect(m_runtime, &PipeRuntime::message, this, &PipesPage::statusMessage);
    connect(m_traceView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) {
            m_traceDetail->setPlainText(
                current.siblingAtColumn(0).data(PipeTraceModel::DetailRole).toString());
        });

    refreshEnvironments();
    refreshPipes();
}

PipesPage::~PipesPage() = default;

QString PipesPage::currentPipeId() const
{
    return m_pipeBox->currentData().toString();
}

void PipesPage::showPipe(const QString &id)
{
    const int index = m_pipeBox->findData(id);
    if (index >= 0)
        m_pipeBox->setCurrentIndex(index);
}

void PipesPage::refreshPipes()
{
    const QString current = currentPipeId();
    {
        const QSignalBlocker blocker(m_pipeBox);
        m_pipeBox->clear();
        for (const EntityRecord &record : m_session->document()->entities(pipeKind)) {
            const QString name = record.name().isEmpty() ? record.id() : record.name();
            m_pipeBox->addItem(u"%1  (%2)"_s.arg(name, record.id()), record.id());
        }
        const int index = m_pipeBox->findData(current);
        m_pipeBox->setCurrentIndex(index >= 0 ? index : (m_pipeBox->count() > 0 ? 0 : -1));
    }
    if (currentPipeId() != current || m_flow->rowCount() == 0) {
        m_currentPath.clear();
        reloadFlow();
        m_payload->setPipe(currentPipeId());
    }
}

void PipesPage::refreshEnvironments()
{
    const QSignalBlocker blocker(m_environmentBox);
    m_environmentBox->clear();
    m_environmentBox->addItems(m_runtime->environmentNames());
    const int index = m_environmentBox->findText(m_runtime->environmentName());
    if (index >= 0)
        m_environmentBox->setCurrentIndex(index);
    else if (m_environmentBox->count() > 0)
        m_runtime->setEnvironmentName(m_environmentBox->currentText());
}

// The flow of the current pipe, as its file says now; the selected card stays selected.
void PipesPage::reloadFlow()
{
    const ProjectDocument *document = m_session->document();
    const int row = document->rowOf(pipeKind, currentPipeId());
    const QJsonObject pipe = row >= 0 ? document->at(pipeKind, row).data : QJsonObject();
    m_flow->setPipe(pipe);
    applyCoverage();
    m_description->setText(pipe.value(u"description"_s).toString());
    const QStringList problems = m_runtime->pipeProblems();
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    const int card = m_flow->rowOfPath(m_currentPath);
    selectCard(card >= 0 ? card : 0);
}

void PipesPage::setCoverage(const QHash<QString, QSet<QString>> &coveredStepsByPipe)
{
    m_coverage = coveredStepsByPipe;
    applyCoverage();
}

void PipesPage::applyCoverage()
{
    // only a pipe the latest test run measured claims covered or uncovered cards
    const auto found = m_coverage.constFind(currentPipeId());
    if (found == m_coverage.cend())
        m_flow->clearCoverage();
    else
        m_flow->setCoverage(*found);
}

void PipesPage::selectCard(int row)
{
    const QModelIndex index = m_flow->index(row);
    if (!index.isValid()) {
        m_settings->setSettings(tr("No pipe"), {}, false);
        return;
    }
    if (m_flowView->currentIndex() != index) {
        const QSignalBlocker blocker(m_flowView->selectionModel());
        m_flowView->setCurrentIndex(index);
    }
    m_flowView->scrollTo(index);
    m_currentPath = index.data(PipeFlowModel::PathRole).toStringList();
    const int pipeRow = m_session->document()->rowOf(pipeKind, currentPipeId());
    if (m_currentPath.isEmpty() || pipeRow < 0) {
        m_settings->setSettings(index.data().toString(), {}, false);
        return;
    }
    const QJsonObject pipe = m_session->document()->at(pipeKind, pipeRow).data;
    const QJsonObject settings = JsonPath::valueAt(pipe, m_currentPath).toObject();
    QString title = index.data().toString();
    if (const QString id = index.data(PipeFlowModel::IdRole).toString(); !id.isEmpty() && id != title)
        title += u"  ·  "_s + id;
    m_settings->setSettings(title, settings, true);
}

// One card's new settings become one undoable edit of the pipe's top-level key that holds them.
void PipesPage::onSettingsEdited(const QJsonObject &settings)
{
    const int row = m_session->document()->rowOf(pipeKind, currentPipeId());
    if (row < 0 || m_currentPath.isEmpty())
        return;
    const QJsonObject pipe = m_session->document()->at(pipeKind, row).data;
    const QString top = m_currentPath.constFirst();
    const QJsonValue value = JsonPath::withValueAt(pipe.value(top), m_currentPath.mid(1), settings);
    m_editor->setField(pipeKind, row, top, value);
}

void PipesPage::run()
{
    const QString pipeId = currentPipeId();
    const std::optional<QJsonValue> payload = m_payload->payload();
    if (pipeId.isEmpty() || !payload)
        return;
    PipeRequest request = PipeRequest::fromInput(*payload);
    // what a caller of the REST trigger would have sent, so templates reading request.path see it
    const int row = m_session->document()->rowOf(pipeKind, pipeId);
    const QJsonObject trigger = m_session->document()->at(pipeKind, row).data.value(u"trigger"_s).toObject();
    if (trigger.value(u"type"_s).toString(u"rest"_s) == u"rest" && request.path.isEmpty()) {
        request.method = trigger.value(u"method"_s).toString(u"GET"_s);
        QString path = trigger.value(u"path"_s).toString();
        for (auto it = request.params.constBegin(); it != request.params.constEnd(); ++it)
            path.replace(u'{' + it.key() + u'}',
                QString::fromUtf8(QUrl::toPercentEncoding(it.value().toVariant().toString())));
        request.path = path;
    }
    const quint64 generation = ++m_runGeneration;
    m_resultStatus->setText(tr("Running %1…").arg(pipeId));
    m_runtime->execute(pipeId, request, this, [this, generation](const PipeResult &result) {
        if (generation == m_runGeneration) // a newer run replaced this one
            showResult(result);
    });
}

void PipesPage::showResult(const PipeResult &result)
{
    m_lastResult = result;
    const QString verdict = result.status == 0 ? tr("no answer")
        : result.isSuccess()                   ? tr("success")
                                               : tr("failure");
    QString text = u"<b>%1</b> %2 &nbsp;·&nbsp; %3 ms &nbsp;·&nbsp; execution %4"_s.arg(
        QString::number(result.status), verdict, QString::number(double(result.durationUs) / 1000.0, 'f', 1),
        result.executionKey.toHtmlEscaped());
    if (result.error)
        text += tr("<br>failed at step <b>%1</b> (%2, %3)")
                    .arg(result.error->step.toHtmlEscaped(), PipeError::className(result.error->errorClass),
                        result.error->code.toHtmlEscaped());
    if (result.errorEventId > 0)
        text += tr(" — error event %1 stored").arg(result.errorEventId);
    m_resultStatus->setText(text);
    const QString color = ThemeColors::css(ThemeColors::statusFill(
        result.isSuccess() ? ThemeColors::Status::Ok : ThemeColors::Status::Error, palette()));
    m_resultStatus->setStyleSheet(u"QLabel { border-left: 4px solid %1; padding-left: 6px; }"_s.arg(color));
    m_resultBody->setPlainText(bodyText(result));
    m_trace->setTrace(result.trace);
    m_flow->setTrace(result.trace);
    m_traceView->expandToDepth(-1);
    if (m_trace->rowCount() > 0)
        m_traceView->setCurrentIndex(m_trace->index(0, 0));
    Q_EMIT runFinished(result);
}

void PipesPage::setServing(bool on)
{
    if (on == m_runtime->isServing())
        return updateServe();
    if (!on) {
        m_runtime->stopServing();
        return;
    }
    const Result<QUrl> served = m_runtime->startServing();
    if (!served)
        Q_EMIT statusMessage(tr("Serve: %1").arg(served.errorString()));
    updateServe();
}

void PipesPage::updateServe()
{
    const bool serving = m_runtime->isServing();
    {
        const QSignalBlocker blocker(m_serveButton);
        m_serveButton->setChecked(serving);
    }
    m_serveButton->setText(serving ? tr("Serving") : tr("Serve"));
    if (!serving) {
        m_serveAddress->setText(tr("REST pipes not served"));
        m_serveAddress->setToolTip({});
        return;
    }
    const QString url = m_runtime->servingUrl().toString();
    m_serveAddress->setText(u"<a href=\"%1\">%1</a>"_s.arg(url.toHtmlEscaped()));
    QStringList lines = m_runtime->servedRoutes();
    for (QString &line : lines)
        line.prepend(url);
    m_serveAddress->setToolTip(lines.join(u'\n'));
}

} // namespace jb
