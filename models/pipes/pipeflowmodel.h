#pragma once

#include "pipetrace.h"

#include <QAbstractListModel>
#include <QHash>
#include <QJsonObject>

namespace jb {

// A pipe as the cards of its flow, top to bottom: the trigger, each step, each choice's branches
// (indented, with their steps), then the on-exception steps. Each card knows its path inside the
// pipe's JSON, so the settings editor can rewrite exactly that part; after a run each step's card
// also carries its status and duration from the trace.
class PipeFlowModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipeFlowModel)

public:
    enum class Kind
    {
        Trigger,
        Step,
        Branch, // "when <condition>" or "otherwise": its steps follow, one level deeper
        Section, // a heading such as "On exception"
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1, // int(Kind)
        DepthRole,
        IdRole,
        TypeRole, // "http", "choice", ...; "rest"/"event" for the trigger
        SummaryRole, // one line: the URL, the regex, the condition, ...
        PathRole, // QStringList inside the pipe's JSON; empty when the card has no settings
        RunStatusRole, // int(TraceEntry::Status) after a run, else invalid
        DurationRole, // µs after a run, else invalid
    };

    explicit PipeFlowModel(QObject *parent = nullptr);

    void setPipe(const QJsonObject &pipe);
    void setTrace(const PipeTrace &trace);
    void clearTrace();
    int rowOfPath(const QStringList &path) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Card
    {
        Kind kind = Kind::Step;
        int depth = 0;
        QString id;
        QString type;
        QString title;
        QString summary;
        QStringList path;
    };
    struct Run
    {
        TraceEntry::Status status = TraceEntry::Status::Ok;
        qint64 durationUs = 0;
    };

    void addSteps(const QJsonArray &steps, const QStringList &path, int depth);
    static QString summaryOf(const QJsonObject &step);

    QList<Card> m_cards;
    QHash<QString, Run> m_runs; // by step id
};

} // namespace jb
