#include "probeevidence.h"

using namespace Qt::StringLiterals;

namespace jb {

ProbeEvidence::ProbeEvidence(QHash<QString, EvidenceStore::Latest> latest)
    : m_latest(std::move(latest))
{ }

ProbeEvidence ProbeEvidence::read(const QString &projectFolder, const QString &environment)
{
    if (projectFolder.isEmpty())
        return {};
    const EvidenceStore store(projectFolder);
    return ProbeEvidence(EvidenceStore::latest(store.load(environment)));
}

std::optional<EvidenceStore::Latest> ProbeEvidence::forEntity(const QString &kind, const QString &id) const
{
    const QString prefix = kind + u'-' + id + u'-';
    const QString source = kind + u'/' + id;
    std::optional<EvidenceStore::Latest> own;
    std::optional<EvidenceStore::Latest> other;
    for (auto it = m_latest.cbegin(); it != m_latest.cend(); ++it) {
        std::optional<EvidenceStore::Latest> *slot = nullptr;
        if (it.key().startsWith(prefix))
            slot = &own;
        else if (it->stamped && it->stamp.sourceHashes.contains(source))
            slot = &other;
        if (!slot)
            continue;
        // newest wins; the probe id breaks ties so that the answer never depends on hash order
        if (!*slot || it->result.timestamp > (*slot)->result.timestamp
            || (it->result.timestamp == (*slot)->result.timestamp && it.key() < (*slot)->result.probeId))
            *slot = *it;
    }
    return own ? own : other;
}

QString ProbeEvidence::notTested()
{
    return u"not tested"_s;
}

QString ProbeEvidence::statusText(const std::optional<EvidenceStore::Latest> &latest)
{
    if (!latest)
        return notTested();
    const QString word = ProbeResult::statusLabel(latest->result.status).toLower();
    if (!latest->result.timestamp.isValid())
        return word;
    return word + u" on "_s + latest->result.timestamp.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s;
}

} // namespace jb
