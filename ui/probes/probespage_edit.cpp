// The probes page: the dialogs that edit the workbench's probes and the keychain's secrets.
#include "probeeditordialog.h"
#include "probeplanner.h"
#include "probespage.h"
#include "probetableproxy.h"
#include "probeworkbench.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "secretdialog.h"

using namespace Qt::StringLiterals;

namespace jb {

void ProbesPage::editSelected()
{
    const std::optional<ProbeSpec> spec = m_workbench->probe(selectedProbeId());
    if (!spec)
        return;
    const QList<EntityRecord> entities = m_workbench->session()->document()->allEntities();
    ProbeEditorDialog dialog(ProbePlanner::entityData(*spec), ProbePlanner::environments(entities),
        ProbeTargets::of(entities), this);
    if (dialog.exec() == QDialog::Accepted)
        m_workbench->saveProbe(dialog.probe());
}

void ProbesPage::addNew()
{
    QJsonObject seed{{u"name"_s, u"New probe"_s}, {u"type"_s, u"tcp"_s},
        {u"phase"_s, m_proxy->phase() == 0 ? 2 : m_proxy->phase()},
        {u"environment"_s, m_workbench->environment()}};
    const QList<EntityRecord> entities = m_workbench->session()->document()->allEntities();
    ProbeEditorDialog dialog(seed, ProbePlanner::environments(entities), ProbeTargets::of(entities), this);
    if (dialog.exec() == QDialog::Accepted)
        addProbe(dialog.probe());
}

void ProbesPage::removeSelected()
{
    m_workbench->removeProbe(selectedProbeId());
}

void ProbesPage::openSecrets()
{
    SecretDialog dialog(m_workbench->keychain(), m_workbench->secretNames(), this);
    if (const std::optional<ProbeSpec> spec = m_workbench->probe(selectedProbeId());
        spec && !spec->secret.isEmpty())
        dialog.setName(spec->secret);
    dialog.exec();
}

} // namespace jb
