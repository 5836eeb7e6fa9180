#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace jb {

// One event as kept by the store.
struct StoredEvent
{
    qint64 id = 0;
    QString name;
    QString created; // ISO 8601 UTC, milliseconds
    QString updated;
    QString status; // pending, handled, failed, expired
    int attempts = 0; // how many times subscribers were run with it
    QString executionKey; // error events: the failed execution
    QString pipe; // error events: the failed pipe
    QString errorClass; // error events: connectivity, access, data, volume
    bool retriable = false;
    QString retry; // "", scheduled, succeeded, failed: the one automatic re-run of an error event
    QString outcome; // what the last handling (or re-run) said
    QJsonObject payload;

    QJsonObject toJson() const;
};

struct EventFilter
{
    QString name;
    QString status;
    QString pipe;
    QString errorClass;
    std::optional<bool> retriable;
    int limit = 1000;
};

// The embedded event store: SQLite in the project's work folder. Every event is committed here
// before it is dispatched, so no event is lost when a subscriber fails or the application exits.
// One instance per thread: each opens its own named connection, on first use. WAL mode lets
// several workers write while others read.
class EventStore final
{
public:
    static constexpr QLatin1StringView workFolderName{".journeybench"};
    static constexpr QLatin1StringView fileName{"events.sqlite"};

    // `databaseFile` is created on first write; when `projectFolder` is given, creating it also
    // adds the work folder to that folder's .gitignore.
    explicit EventStore(QString databaseFile, QString projectFolder = {});
    ~EventStore();
    Q_DISABLE_COPY_MOVE(EventStore)

    static QString defaultFile(const QString &projectFolder);
    QString databaseFile() const { return m_file; }

    Result<qint64> append(const QString &name, const QJsonObject &payload);
    // The end of one handling: status handled, failed or expired; attempts + 1.
    Status finish(qint64 id, const QString &status, const QString &outcome);
    // Claims the one automatic re-run of an event: true when this call got it.
    Result<bool> claimRetry(qint64 id);
    Status recordRetry(qint64 id, bool succeeded, const QString &outcome);
    Result<StoredEvent> get(qint64 id);
    Result<QList<StoredEvent>> list(const EventFilter &filter = {});
    Result<int> count(const EventFilter &filter = {});

private:
    Status open(bool create);
    Status prepare(); // adds, opens and sets up this store's connection
    QString m_file;
    QString m_projectFolder;
    QString m_connection;
    bool m_open = false;
};

} // namespace jb
