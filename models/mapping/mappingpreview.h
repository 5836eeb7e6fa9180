#pragma once

#include "databaseconnection.h"
#include "mappingpreviewresult.h"
#include "mappingproject.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

namespace jb {

// Runs the From-To preview off the GUI thread: the mapping is compiled and applied to the sample
// records on a worker, and the result comes back once, on this object's thread. Every run has a
// generation; a newer run makes an older one stale (it stops early, a running script is
// interrupted, and its result is dropped), so the preview can follow every edit. Database rows
// for the preview are read the same way.
class MappingPreview final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingPreview)

public:
    explicit MappingPreview(QObject *parent = nullptr);
    ~MappingPreview() override;

    void run(const ResolvedMapping &mapping, const QList<QJsonObject> &records);
    // Up to `limit` rows of `sql` (the password, if any, already in `spec`).
    void loadRows(const DatabaseSpec &spec, const QString &sql, int limit);
    quint64 generation() const { return m_generation; }
    bool isRunning() const { return m_running > 0; }

    // The columns a preview shows for a target contract (its scalar fields, then any other target).
    static QStringList columnsFor(const ResolvedMapping &mapping);
    // The work itself, on the calling thread (what run() does on a worker).
    static MappingPreviewResult compute(const ResolvedMapping &mapping, const QList<QJsonObject> &records,
        const std::function<bool()> &cancelled = {},
        const std::function<void(class MappingRunner *)> &started = {});

Q_SIGNALS:
    void finished(const jb::MappingPreviewResult &result);
    void rowsLoaded(const QList<QJsonObject> &rows, const QString &error);
    void runningChanged(bool running);

private:
    struct Job;

    QThreadPool m_pool;
    quint64 m_generation = 0;
    quint64 m_rowsGeneration = 0;
    int m_running = 0;
    std::shared_ptr<Job> m_current;
};

} // namespace jb
