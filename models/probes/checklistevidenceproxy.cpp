#include "checklistevidenceproxy.h"

#include <QDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// Evidence is read next to other dated records of the project (sign-offs, run files), so the same
// unambiguous numeric form, in the reader's local time.
QString when(const QDateTime &at)
{
    return at.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

QString inEnvironment(const QString &environment)
{
    return environment.isEmpty() ? u"no environment"_s : environment;
}

// the reasons ChecklistEvidence writes for a result that did not pass
bool isFailure(const QString &reason)
{
    return reason.contains(u" failed: "_s) || reason.contains(u" could not run: "_s);
}

} // namespace

ChecklistEvidenceProxy::ChecklistEvidenceProxy(Phase phase, int itemIdRole, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_phase(phase)
    , m_itemIdRole(itemIdRole)
{
    for (const ChecklistEvidence::ItemKey &key : ChecklistEvidence::evidencedItems()) {
        if (key.phase == phase)
            m_evidenced.append(key.itemId);
    }
}

void ChecklistEvidenceProxy::setEvidence(
    const QList<ItemEvidence> &items, const QString &projectFolder, const QString &environment)
{
    m_items.clear();
    for (ItemEvidence item : items) {
        if (item.phase != m_phase)
            continue;
        if (!item.evidencePath.isEmpty())
            item.evidencePath = QDir::cleanPath(QDir(projectFolder).absoluteFilePath(item.evidencePath));
        m_items.insert(item.itemId, item);
    }
    m_environment = environment;
    m_known = true;
    announce();
}

void ChecklistEvidenceProxy::clearEvidence()
{
    m_items.clear();
    m_known = false;
    announce();
}

void ChecklistEvidenceProxy::announce()
{
    if (m_evidenced.isEmpty() || rowCount() == 0)
        return;
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

std::optional<ItemEvidence> ChecklistEvidenceProxy::evidence(const QString &itemId) const
{
    const auto found = m_items.constFind(itemId);
    if (found == m_items.cend())
        return std::nullopt;
    return *found;
}

QString ChecklistEvidenceProxy::line(const ItemEvidence &item, const QString &environment)
{
    switch (item.state) {
    case ItemEvidence::State::Current:
        return u"Tested %1 · %2/%3 passed"_s.arg(when(item.testedAt)).arg(item.passed).arg(item.probes);
    case ItemEvidence::State::Stale: {
        QString text = u"Stale: "_s + item.reasons.value(0, u"the evidence no longer holds"_s);
        if (item.reasons.size() > 1)
            text += u" (+%1 more)"_s.arg(item.reasons.size() - 1);
        return text;
    }
    case ItemEvidence::State::Failed: {
        // the failures first: an edit since then matters less than a port that does not answer
        QStringList reasons = item.reasons;
        std::stable_partition(reasons.begin(), reasons.end(), isFailure);
        QString text = u"Failed: "_s + reasons.value(0);
        if (reasons.size() > 1)
            text += u" (+%1 more)"_s.arg(reasons.size() - 1);
        return text;
    }
    case ItemEvidence::State::Missing:
        break;
    }
    if (environment.isEmpty())
        return u"No environment to test in"_s;
    if (item.probes == 0 && !item.fromTests)
        return u"No probe tests this in %1"_s.arg(environment);
    return u"Not tested yet"_s;
}

QString ChecklistEvidenceProxy::toolTip(const ItemEvidence &item, const QString &environment)
{
    // probes count probes; a unit test item counts the run's cases, or the pipes it covered
    const QString source = item.fromTests ? u"Unit test"_s : u"Probe"_s;
    const QString counted = !item.fromTests ? u"probes"_s
        : item.itemId == u"tests-written"   ? u"pipes"_s
                                            : u"cases"_s;
    const QString held = item.fromTests && item.itemId == u"tests-written" ? u"fully covered"_s : u"passed"_s;
    QString text;
    switch (item.state) {
    case ItemEvidence::State::Current:
        text = u"%1 evidence in %2: %3 of %4 %5 %6, %7."_s.arg(source, inEnvironment(environment))
                   .arg(item.passed)
                   .arg(item.probes)
                   .arg(counted, held, when(item.testedAt));
        break;
    case ItemEvidence::State::Stale:
        text = u"%1 evidence in %2 is stale: %3 of %4 %5 still hold (latest run %6)."_s
                   .arg(source, inEnvironment(environment))
                   .arg(item.passed)
                   .arg(item.probes)
                   .arg(counted, when(item.testedAt));
        break;
    case ItemEvidence::State::Failed:
        text = u"%1 evidence in %2 shows a failure: %3 of %4 %5 %6 (latest run %7)."_s
                   .arg(source, inEnvironment(environment))
                   .arg(item.passed)
                   .arg(item.probes)
                   .arg(counted, held, when(item.testedAt));
        break;
    case ItemEvidence::State::Missing:
        text = u"No %1 evidence in %2 yet."_s.arg(source.toLower(), inEnvironment(environment));
        break;
    }
    // every reason, but not a wall of them: twelve ports that never ran say the same thing
    constexpr qsizetype shown = 8;
    for (qsizetype i = 0; i < item.reasons.size() && i < shown; ++i)
        text += u"\n• "_s + item.reasons.at(i);
    if (item.reasons.size() > shown)
        text += u"\n… and %1 more"_s.arg(item.reasons.size() - shown);
    if (!item.evidencePath.isEmpty())
        text += u"\nEvidence: "_s + QDir::toNativeSeparators(item.evidencePath);
    return text;
}

QVariant ChecklistEvidenceProxy::data(const QModelIndex &index, int role) const
{
    // the evidence explains the item, so it is the item's (first column's) tooltip that tells it
    const bool ours = (role == Qt::ToolTipRole && index.column() == 0)
        || (role >= EvidencedRole && role <= EvidenceReasonsRole);
    if (!ours || !index.isValid() || m_evidenced.isEmpty())
        return QIdentityProxyModel::data(index, role);
    const QString id = index.siblingAtColumn(0).data(m_itemIdRole).toString();
    const bool evidenced = m_evidenced.contains(id);
    if (role == EvidencedRole)
        return evidenced;
    if (!evidenced)
        return QIdentityProxyModel::data(index, role);
    const auto found = m_items.constFind(id);
    const bool known = m_known && found != m_items.cend();
    switch (role) {
    case Qt::ToolTipRole: {
        const QString own = QIdentityProxyModel::data(index, role).toString();
        const QString evidence = known ? toolTip(*found, m_environment) : checkingText();
        return own.isEmpty() ? evidence : QString(own + u"\n\n"_s + evidence);
    }
    case EvidenceStateRole:
        return known ? QVariant(static_cast<int>(found->state)) : QVariant();
    case EvidenceTextRole:
        return known ? line(*found, m_environment) : checkingText();
    case EvidencePathRole:
        return known ? found->evidencePath : QString();
    case EvidenceTestedAtRole:
        return known ? found->testedAt : QDateTime();
    case EvidenceReasonsRole:
        return known ? found->reasons : QStringList();
    default:
        return {};
    }
}

} // namespace jb
