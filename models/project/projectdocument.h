#pragma once

#include "diagnostic.h"
#include "projectdata.h"
#include "projectwriter.h"

#include <QObject>

namespace jb {

// The open project in memory: the manifest and every entity, grouped by kind in a stable order.
// It tracks which files an edit made dirty, so a save writes only those. Edits go through
// DocumentEditor (undoable); this class only applies them and announces them.
class ProjectDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectDocument)

public:
    explicit ProjectDocument(QObject *parent = nullptr);

    void reset(ProjectData data);
    const ProjectData &data() const { return m_data; }
    QString folder() const { return m_data.folder; }
    bool hasFolder() const { return !m_data.folder.isEmpty(); }
    QString projectName() const;

    int count(const QString &kind) const;
    const EntityRecord &at(const QString &kind, int row) const;
    int rowOf(const QString &kind, const QString &id) const;
    const EntityRecord *find(const QString &kind, const QString &id) const;
    QList<EntityRecord> entities(const QString &kind) const;
    QList<EntityRecord> allEntities() const;
    // A fresh id for `kind` made from `base` ("api-gateway", "api-gateway-2", ...).
    QString uniqueId(const QString &kind, const QString &base) const;
    // The id `base` makes before any "-2" ("API Gateway" -> "api-gateway").
    static QString idStem(const QString &kind, const QString &base);

    void insert(const QString &kind, int row, const QJsonObject &data);
    void remove(const QString &kind, int row);
    void replace(const QString &kind, int row, const QJsonObject &data);

    QJsonObject manifest() const { return m_data.manifest; }
    void setManifest(const QJsonObject &manifest);

    bool isModified() const { return !m_dirty.isEmpty() || !m_removed.isEmpty(); }
    SavePlan savePlan() const;
    // Records what a save wrote, so that the next save compares against it.
    void markSaved(const SavePlan &plan, const SaveOutcome &outcome);
    // Saving into another folder: every file is written there, and the document moves with it.
    SavePlan saveAsPlan(const QString &folder) const;
    void moveTo(const QString &folder, const SavePlan &plan, const SaveOutcome &outcome);

Q_SIGNALS:
    void aboutToReset();
    void wasReset();
    void entityAboutToBeInserted(const QString &kind, int row);
    void entityInserted(const QString &kind, int row);
    void entityAboutToBeRemoved(const QString &kind, int row);
    void entityRemoved(const QString &kind, int row);
    void entityChanged(const QString &kind, int row);
    void manifestChanged();
    void modifiedChanged(bool modified);

private:
    void setDirty(const QString &path);
    void forgetPath(const QString &path);
    void emitModified(bool before);

    ProjectData m_data;
    QHash<QString, QList<EntityRecord>> m_byKind;
    QSet<QString> m_dirty; // relative paths to write
    QSet<QString> m_removed; // relative paths to delete
};

} // namespace jb
