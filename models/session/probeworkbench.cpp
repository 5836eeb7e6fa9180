// The probe workbench: the plan it follows, and the user's edits of the probes, kept in the
// project as probe entities.
#include "probeworkbench.h"

#include "chainedsecretstore.h"
#include "documenteditor.h"
#include "environmentsecretstore.h"
#include "keychainsecretstore.h"
#include "probeplanner.h"
#include "proberesultsmodel.h"
#include "proberunner.h"
#include "projectdocument.h"
#include "projectsession.h"

#include <QTimer>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QString probeKind = u"probe"_s;

} // namespace

ProbeWorkbench::ProbeWorkbench(ProjectSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_results(new ProbeResultsModel(this))
    , m_runner(new ProbeRunner(ProbeContext{}, this))
    , m_replan(new QTimer(this))
{
    m_io.setMaxThreadCount(1);
    // the keychain object must live on this thread; the chain hands it to the probes' workers
    auto keychain = std::make_shared<KeychainSecretStore>(u"JourneyBench"_s);
    m_keychain = keychain.get();
    m_secrets = std::make_shared<ChainedSecretStore>(QList<std::shared_ptr<const SecretStore>>{
        std::make_shared<EnvironmentSecretStore>(), std::move(keychain)});

    // a burst of edits (an undo of a removal of several probes) replans once
    m_replan->setSingleShot(true);
    m_replan->setInterval(0);
    connect(m_replan, &QTimer::timeout, this, &ProbeWorkbench::replan);
    ProjectDocument *document = m_session->document();
    connect(document, &ProjectDocument::wasReset, this, &ProbeWorkbench::onReset);
    const auto changed = [this] { m_replan->start(); };
    connect(document, &ProjectDocument::entityInserted, this, changed);
    connect(document, &ProjectDocument::entityRemoved, this, changed);
    connect(document, &ProjectDocument::entityChanged, this, changed);

    connect(m_runner, &ProbeRunner::probeFinished, this, [this](const ProbeResult &result) {
        m_results->setResult(result);
        Q_EMIT probeFinished(result);
    });
    connect(m_runner, &ProbeRunner::finished, this, &ProbeWorkbench::onFinished);

    if (document->hasFolder()) { // a workbench made after the project opened
        replan();
        loadEvidence();
    }
}

ProbeWorkbench::~ProbeWorkbench()
{
    // the runner first: it waits for its probes, whose contexts share the secret stores
    delete m_runner;
    m_runner = nullptr;
    m_io.waitForDone();
}

QString ProbeWorkbench::environmentFor(const QList<EntityRecord> &entities, const QString &current)
{
    const QStringList environments = ProbePlanner::environments(entities);
    if (environments.contains(current))
        return current;
    return ProbePlanner::defaultEnvironment(entities).value_or(environments.value(0));
}

void ProbeWorkbench::onReset()
{
    m_environment.clear();
    m_entries.clear();
    m_evidencePath.clear();
    m_results->setProbes({});
    replan();
    loadEvidence();
}

void ProbeWorkbench::setEnvironment(const QString &environment)
{
    if (environment == m_environment)
        return;
    m_environment = environment;
    m_results->setProbes({}); // another environment's results do not belong here
    replan();
    loadEvidence();
    Q_EMIT environmentChanged(m_environment);
}

void ProbeWorkbench::setSecretStore(std::shared_ptr<const SecretStore> secrets)
{
    m_secrets = std::move(secrets);
}

void ProbeWorkbench::replan()
{
    m_replan->stop();
    const QString before = m_environment;
    const QList<EntityRecord> entities = m_session->document()->allEntities();
    m_environment = environmentFor(entities, m_environment);
    Q_EMIT planAboutToChange();
    m_plan = m_environment.isEmpty() ? QList<ProbeSpec>() : ProbePlanner::plan(entities, m_environment);
    m_results->setProbes(m_plan);
    if (before != m_environment && !before.isEmpty())
        loadEvidence();
    if (before != m_environment)
        Q_EMIT environmentChanged(m_environment);
    Q_EMIT planChanged();
}

std::optional<ProbeSpec> ProbeWorkbench::probe(const QString &id) const
{
    for (const ProbeSpec &spec : m_plan) {
        if (spec.id == id)
            return spec;
    }
    return std::nullopt;
}

QStringList ProbeWorkbench::secretNames() const
{
    QStringList names;
    for (const ProbeSpec &spec : m_plan) {
        if (!spec.secret.isEmpty())
            names.append(spec.secret);
    }
    names.removeDuplicates();
    names.sort();
    return names;
}

void ProbeWorkbench::saveProbe(const QJsonObject &probe)
{
    ProjectDocument *document = m_session->document();
    DocumentEditor *editor = m_session->editor();
    // through ProbeSpec, so the entity holds exactly what the engine reads, in its canonical form
    const ProbeSpec spec = ProbeSpec::fromJson(probe);
    const QJsonObject data = ProbePlanner::entityData(spec);
    const int row = document->rowOf(probeKind, spec.id);
    if (row >= 0) {
        if (document->at(probeKind, row).data != data)
            editor->setEntity(probeKind, row, data, u"Edit probe %1"_s.arg(spec.id));
        return;
    }
    // the first edit of a generated probe: a probe entity under the generated id overrides it
    QUndoStack *stack = editor->undoStack();
    if (stack)
        stack->beginMacro(u"Edit probe %1"_s.arg(spec.id));
    const int added = editor->addEntity(probeKind, data);
    if (document->at(probeKind, added).id() != spec.id) // uniqueId() may have shortened it
        editor->setField(probeKind, added, u"id"_s, spec.id);
    if (stack)
        stack->endMacro();
}

QString ProbeWorkbench::addProbe(QJsonObject probe)
{
    if (probe.value(u"environment"_s).toString().isEmpty() && !m_environment.isEmpty())
        probe.insert(u"environment"_s, m_environment);
    QJsonObject data = ProbePlanner::entityData(ProbeSpec::fromJson(probe));
    if (!probe.contains(u"id"_s))
        data.remove(u"id"_s); // the editor makes one from the name
    const int row = m_session->editor()->addEntity(probeKind, data);
    replan();
    return m_session->document()->at(probeKind, row).id();
}

void ProbeWorkbench::setProbeEnabled(const QString &id, bool enabled)
{
    std::optional<ProbeSpec> spec = probe(id);
    if (!spec || spec->enabled == enabled)
        return;
    spec->enabled = enabled;
    saveProbe(ProbePlanner::entityData(*spec));
}

void ProbeWorkbench::removeProbe(const QString &id)
{
    const int row = m_session->document()->rowOf(probeKind, id);
    if (row >= 0)
        m_session->editor()->removeEntities(probeKind, {row});
}

} // namespace jb
