#pragma once

#include "checklist.h"
#include "phase.h"

#include <QDate>
#include <QJsonObject>
#include <QList>

namespace jb {

// One phase on the timeline, read from journey.json's "timeline" object.
struct TimelinePhase
{
    enum class State
    {
        Unplanned,
        Planned,
        UnderWay,
        Finished,
        Late, // planned end passed and not finished
        FinishedLate, // finished after its planned end
    };

    Phase phase = Phase::Connection;
    QString key;
    QString title;
    QString owner;
    QDate plannedStart;
    QDate plannedEnd;
    QDate actualStart;
    QDate actualEnd;
    Completion completion;

    bool hasPlan() const { return plannedStart.isValid() && plannedEnd.isValid(); }
    State state(QDate today) const;
    bool isLate(QDate today) const;
    static QString stateLabel(State state);
};

// The journey's ten phases with their owners and planned and actual dates; plus the one edit the
// timeline chart makes (moving or stretching a bar) as a new manifest.
class JourneyTimeline final
{
public:
    enum class Bar
    {
        Planned,
        Actual,
    };

    static JourneyTimeline fromManifest(const QJsonObject &manifest);

    const QList<TimelinePhase> &phases() const { return m_phases; }
    const TimelinePhase *phase(const QString &key) const;
    // The first and last day worth drawing: every date, and today.
    std::pair<QDate, QDate> range(QDate today) const;

    // `manifest` with one phase's bar set to [start, end]; an invalid date removes that key.
    static QJsonObject withBar(
        const QJsonObject &manifest, const QString &phaseKey, Bar bar, QDate start, QDate end);
    static QString startKey(Bar bar);
    static QString endKey(Bar bar);

private:
    QList<TimelinePhase> m_phases;
};

} // namespace jb
