#include "journeytimeline.h"

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QDate date(const QJsonObject &entry, const QString &key)
{
    return QDate::fromString(entry.value(key).toString(), Qt::ISODate);
}

} // namespace

TimelinePhase::State TimelinePhase::state(QDate today) const
{
    if (actualEnd.isValid())
        return plannedEnd.isValid() && actualEnd > plannedEnd ? State::FinishedLate : State::Finished;
    if (completion.total > 0 && completion.complete == completion.total)
        return State::Finished;
    if (plannedEnd.isValid() && plannedEnd < today)
        return State::Late;
    if (actualStart.isValid())
        return State::UnderWay;
    return hasPlan() ? State::Planned : State::Unplanned;
}

bool TimelinePhase::isLate(QDate today) const
{
    const State current = state(today);
    return current == State::Late || current == State::FinishedLate;
}

QString TimelinePhase::stateLabel(State state)
{
    switch (state) {
    case State::Unplanned:
        return u"Not planned"_s;
    case State::Planned:
        return u"Planned"_s;
    case State::UnderWay:
        return u"Under way"_s;
    case State::Finished:
        return u"Finished"_s;
    case State::Late:
        return u"Late"_s;
    case State::FinishedLate:
        return u"Finished late"_s;
    }
    return {};
}

JourneyTimeline JourneyTimeline::fromManifest(const QJsonObject &manifest)
{
    JourneyTimeline timeline;
    const QJsonObject object = manifest.value(u"timeline"_s).toObject();
    for (const PhaseInfo &info : Phases::all()) {
        const QJsonObject entry = object.value(info.key).toObject();
        TimelinePhase phase;
        phase.phase = info.phase;
        phase.key = info.key;
        phase.title = info.title;
        phase.owner = entry.value(u"owner"_s).toString();
        phase.plannedStart = date(entry, u"plannedStart"_s);
        phase.plannedEnd = date(entry, u"plannedEnd"_s);
        phase.actualStart = date(entry, u"actualStart"_s);
        phase.actualEnd = date(entry, u"actualEnd"_s);
        phase.completion = Checklist::completion(manifest, info.phase);
        timeline.m_phases.append(phase);
    }
    return timeline;
}

const TimelinePhase *JourneyTimeline::phase(const QString &key) const
{
    for (const TimelinePhase &phase : m_phases) {
        if (phase.key == key)
            return &phase;
    }
    return nullptr;
}

std::pair<QDate, QDate> JourneyTimeline::range(QDate today) const
{
    QDate first = today;
    QDate last = today;
    for (const TimelinePhase &phase : m_phases) {
        for (const QDate &day : {phase.plannedStart, phase.plannedEnd, phase.actualStart, phase.actualEnd}) {
            if (!day.isValid())
                continue;
            first = std::min(first, day);
            last = std::max(last, day);
        }
    }
    return {first, last};
}

QString JourneyTimeline::startKey(Bar bar)
{
    return bar == Bar::Planned ? u"plannedStart"_s : u"actualStart"_s;
}

QString JourneyTimeline::endKey(Bar bar)
{
    return bar == Bar::Planned ? u"plannedEnd"_s : u"actualEnd"_s;
}

QJsonObject JourneyTimeline::withBar(
    const QJsonObject &manifest, const QString &phaseKey, Bar bar, QDate start, QDate end)
{
    QJsonObject result = manifest;
    QJsonObject timeline = result.value(u"timeline"_s).toObject();
    QJsonObject entry = timeline.value(phaseKey).toObject();
    const auto set = [&entry](const QString &key, QDate day) {
        if (day.isValid())
            entry.insert(key, day.toString(Qt::ISODate));
        else
            entry.remove(key);
    };
    set(startKey(bar), start);
    set(endKey(bar), end);
    timeline.insert(phaseKey, entry);
    result.insert(u"timeline"_s, timeline);
    return result;
}

} // namespace jb
