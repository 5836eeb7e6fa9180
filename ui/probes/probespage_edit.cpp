// The probes page: the user's edits of the probes, kept in the project as probe entities.
#include "documenteditor.h"
#include "keychainsecretstore.h"
#include "probeeditordialog.h"
#include "probeplanner.h"
#include "probespage.h"
#include "probetableproxy.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "secretdialog.h"

#include <QTimer>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QString probeKind = u"probe"_s;

} // namespace

void ProbesPage::saveProbe(const QJsonObject &probe)
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

void ProbesPage::addProbe(QJsonObject probe)
{
    if (probe.value(u"environment"_s).toString().isEmpty() && !m_environment.isEmpty())
        probe.insert(u"environment"_s, m_environment);
    QJsonObject data = ProbePlanner::entityData(ProbeSpec::fromJson(probe));
    if (!probe.contains(u"id"_s))
        data.remove(u"id"_s); // the editor makes one from the name
    const int row = m_session->editor()->addEntity(probeKind, data);
    m_replan->stop();
    replan();
    selectProbe(m_session->document()->at(probeKind, row).id());
}

void ProbesPage::setProbeEnabled(const QString &id, bool enabled)
{
    std::optional<ProbeSpec> spec = probe(id);
    if (!spec || spec->enabled == enabled)
        return;
    spec->enabled = enabled;
    saveProbe(ProbePlanner::entityData(*spec));
}

void ProbesPage::removeProbe(const QString &id)
{
    const int row = m_session->document()->rowOf(probeKind, id);
    if (row >= 0)
        m_session->editor()->removeEntities(probeKind, {row});
}

void ProbesPage::editSelected()
{
    const std::optional<ProbeSpec> spec = probe(selectedProbeId());
    if (!spec)
        return;
    ProbeEditorDialog dialog(ProbePlanner::entityData(*spec),
        ProbePlanner::environments(m_session->document()->allEntities()), this);
    if (dialog.exec() == QDialog::Accepted)
        saveProbe(dialog.probe());
}

void ProbesPage::addNew()
{
    QJsonObject seed{{u"name"_s, u"New probe"_s}, {u"type"_s, u"tcp"_s},
        {u"phase"_s, m_proxy->phase() == 0 ? 2 : m_proxy->phase()}, {u"environment"_s, m_environment}};
    ProbeEditorDialog dialog(seed, ProbePlanner::environments(m_session->document()->allEntities()), this);
    if (dialog.exec() == QDialog::Accepted)
        addProbe(dialog.probe());
}

void ProbesPage::removeSelected()
{
    removeProbe(selectedProbeId());
}

QStringList ProbesPage::secretNames() const
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

void ProbesPage::openSecrets()
{
    SecretDialog dialog(m_keychain, secretNames(), this);
    if (const std::optional<ProbeSpec> spec = probe(selectedProbeId()); spec && !spec->secret.isEmpty())
        dialog.setName(spec->secret);
    dialog.exec();
}

} // namespace jb
