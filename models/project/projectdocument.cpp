#include "projectdocument.h"

#include "fieldvalidator.h"
#include "journeyschema.h"
#include "projectformat.h"

using namespace Qt::StringLiterals;

namespace jb {

ProjectDocument::ProjectDocument(QObject *parent)
    : QObject(parent)
{ }

void ProjectDocument::reset(ProjectData data)
{
    const bool wasModified = isModified();
    Q_EMIT aboutToReset();
    m_byKind.clear();
    for (EntityRecord &record : data.entities)
        m_byKind[record.kind].append(std::move(record));
    data.entities.clear();
    m_data = std::move(data);
    m_dirty.clear();
    m_removed.clear();
    Q_EMIT wasReset();
    if (wasModified)
        Q_EMIT modifiedChanged(false);
}

QString ProjectDocument::projectName() const
{
    return m_data.manifest.value(u"name"_s).toString();
}

int ProjectDocument::count(const QString &kind) const
{
    return static_cast<int>(m_byKind.value(kind).size());
}

const EntityRecord &ProjectDocument::at(const QString &kind, int row) const
{
    return m_byKind.find(kind)->at(row);
}

int ProjectDocument::rowOf(const QString &kind, const QString &id) const
{
    const auto it = m_byKind.constFind(kind);
    if (it == m_byKind.constEnd())
        return -1;
    for (qsizetype row = 0; row < it->size(); ++row) {
        if (it->at(row).id() == id)
            return static_cast<int>(row);
    }
    return -1;
}

const EntityRecord *ProjectDocument::find(const QString &kind, const QString &id) const
{
    const int row = rowOf(kind, id);
    return row < 0 ? nullptr : &at(kind, row);
}

QList<EntityRecord> ProjectDocument::entities(const QString &kind) const
{
    return m_byKind.value(kind);
}

QList<EntityRecord> ProjectDocument::allEntities() const
{
    QList<EntityRecord> all;
    for (const KindSpec &kind : JourneySchema::kinds())
        all += m_byKind.value(kind.kind);
    return all;
}

QString ProjectDocument::idStem(const QString &kind, const QString &base)
{
    QString stem;
    for (const QChar c : base.toLower()) {
        const QChar plain = c.decompositionTag() == QChar::Canonical ? c.decomposition().at(0) : c;
        if ((plain >= u'a' && plain <= u'z') || plain.isDigit())
            stem += plain;
        else if (!stem.isEmpty() && !stem.endsWith(u'-'))
            stem += u'-';
    }
    while (stem.endsWith(u'-'))
        stem.chop(1);
    if (stem.isEmpty())
        stem = kind;
    stem.truncate(56);
    return stem;
}

QString ProjectDocument::uniqueId(const QString &kind, const QString &base) const
{
    const QString stem = idStem(kind, base);
    // ids share a file name space per folder (VPNs and endpoints are both connections)
    const KindSpec *spec = JourneySchema::kind(kind);
    auto taken = [&](const QString &id) {
        for (const KindSpec &other : JourneySchema::kinds()) {
            if (spec && other.folder == spec->folder && rowOf(other.kind, id) >= 0)
                return true;
        }
        return m_data.failedPaths.contains(ProjectFormat::canonicalPath(kind, id));
    };
    QString id = stem;
    for (int n = 2; taken(id); ++n)
        id = stem + u'-' + QString::number(n);
    return id;
}

void ProjectDocument::insert(const QString &kind, int row, const QJsonObject &data)
{
    const bool wasModified = isModified();
    EntityRecord record{kind, ProjectFormat::canonicalPath(kind, data.value(u"id"_s).toString()), data};
    Q_EMIT entityAboutToBeInserted(kind, row);
    setDirty(record.path);
    m_byKind[kind].insert(row, std::move(record));
    Q_EMIT entityInserted(kind, row);
    emitModified(wasModified);
}

void ProjectDocument::remove(const QString &kind, int row)
{
    const bool wasModified = isModified();
    Q_EMIT entityAboutToBeRemoved(kind, row);
    forgetPath(m_byKind[kind].takeAt(row).path);
    Q_EMIT entityRemoved(kind, row);
    emitModified(wasModified);
}

void ProjectDocument::replace(const QString &kind, int row, const QJsonObject &data)
{
    const bool wasModified = isModified();
    EntityRecord &record = m_byKind[kind][row];
    const QString newId = data.value(u"id"_s).toString();
    const QString newPath = ProjectFormat::canonicalPath(kind, newId);
    // an id whose file belongs to another entity (or failed to load) keeps the old file name, so a
    // save never overwrites that file; the validator reports the duplicate id
    auto taken = [&] {
        for (const QList<EntityRecord> &records : std::as_const(m_byKind)) {
            for (const EntityRecord &other : records) {
                if (&other != &record && other.path == newPath)
                    return true;
            }
        }
        return m_data.failedPaths.contains(newPath);
    };
    if (newId != record.id() && FieldValidator::isId(newId) && !taken()) {
        forgetPath(record.path);
        record.path = newPath;
    }
    record.data = data;
    setDirty(record.path);
    Q_EMIT entityChanged(kind, row);
    emitModified(wasModified);
}

void ProjectDocument::setManifest(const QJsonObject &manifest)
{
    const bool wasModified = isModified();
    m_data.manifest = manifest;
    setDirty(manifestFileName);
    Q_EMIT manifestChanged();
    emitModified(wasModified);
}

void ProjectDocument::setDirty(const QString &path)
{
    m_removed.remove(path);
    m_dirty.insert(path);
}

void ProjectDocument::forgetPath(const QString &path)
{
    m_dirty.remove(path);
    if (m_data.diskBytes.contains(path))
        m_removed.insert(path);
}

void ProjectDocument::emitModified(bool before)
{
    if (before != isModified())
        Q_EMIT modifiedChanged(isModified());
}

SavePlan ProjectDocument::savePlan() const
{
    SavePlan plan;
    plan.folder = m_data.folder;
    plan.protectedPaths = m_data.failedPaths;
    QHash<QString, QByteArray> bytesByPath;
    if (m_dirty.contains(manifestFileName))
        bytesByPath.insert(manifestFileName, ProjectFormat::manifestBytes(m_data.manifest));
    for (const QList<EntityRecord> &records : m_byKind) {
        for (const EntityRecord &record : records) {
            if (m_dirty.contains(record.path))
                bytesByPath.insert(record.path, ProjectFormat::entityBytes(record));
        }
    }
    QStringList paths = bytesByPath.keys();
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        const QByteArray &bytes = bytesByPath.value(path);
        const auto onDisk = m_data.diskBytes.constFind(path);
        if (onDisk != m_data.diskBytes.constEnd() && onDisk.value() == bytes)
            continue; // edited and edited back: the file stays as it is
        plan.writes.append({path, bytes,
            onDisk == m_data.diskBytes.constEnd() ? std::nullopt
                                                  : std::optional<QByteArray>(onDisk.value())});
    }
    QStringList removed(m_removed.cbegin(), m_removed.cend());
    removed.sort();
    for (const QString &path : std::as_const(removed))
        plan.removals.append({path, m_data.diskBytes.value(path)});
    return plan;
}

void ProjectDocument::markSaved(const SavePlan &plan, const SaveOutcome &outcome)
{
    const bool wasModified = isModified();
    for (const SavePlan::Write &write : plan.writes) {
        if (outcome.written.contains(write.path))
            m_data.diskBytes.insert(write.path, write.bytes);
    }
    for (const QString &path : outcome.removed) {
        m_data.diskBytes.remove(path);
        m_removed.remove(path);
    }
    // a dirty file is clean when what it would write is what the disk now holds
    for (auto it = m_dirty.begin(); it != m_dirty.end();) {
        const bool failed = std::any_of(plan.writes.cbegin(), plan.writes.cend(),
            [&](const SavePlan::Write &w) { return w.path == *it && !outcome.written.contains(w.path); });
        it = failed ? std::next(it) : m_dirty.erase(it);
    }
    emitModified(wasModified);
}

SavePlan ProjectDocument::saveAsPlan(const QString &folder) const
{
    SavePlan plan;
    plan.folder = folder;
    plan.writes.append(
        {QString(manifestFileName), ProjectFormat::manifestBytes(m_data.manifest), std::nullopt});
    for (const EntityRecord &record : allEntities())
        plan.writes.append({record.path, ProjectFormat::entityBytes(record), std::nullopt});
    return plan;
}

void ProjectDocument::moveTo(const QString &folder, const SavePlan &plan, const SaveOutcome &outcome)
{
    const bool wasModified = isModified();
    m_data.folder = folder;
    m_data.failedPaths.clear();
    m_data.diskBytes.clear();
    m_dirty.clear();
    m_removed.clear();
    for (const SavePlan::Write &write : plan.writes) {
        if (outcome.written.contains(write.path))
            m_data.diskBytes.insert(write.path, write.bytes);
        else
            m_dirty.insert(write.path);
    }
    emitModified(wasModified);
}

} // namespace jb
