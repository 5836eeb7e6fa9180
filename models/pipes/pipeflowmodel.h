#pragma once

#include "pipetrace.h"

#include <QAbstractListModel>
#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <optional>

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
        CoveredRole, // a step's card: bool, whether the unit tests ran it; invalid without coverage data
    };

    explicit PipeFlowModel(QObject *parent = nullptr);

    void setPipe(const QJsonObject &pipe);
    void setTrace(const PipeTrace &trace);
    void clearTrace();
    // The steps the pipe's unit tests ran (the latest test run's coverage of this pipe); the cards
    // of the others show as not covered. Without it (clearCoverage) no card claims either.
    void setCoverage(const QSet<QString> &coveredSteps);
    void clearCoverage();
    bool hasCoverage() const { return m_covered.has_value(); }
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
    std::optional<QSet<QString>> m_covered; // step ids
};

} // namespace jb
