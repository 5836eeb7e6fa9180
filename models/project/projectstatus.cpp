#include "projectstatus.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

QJsonObject ProjectStatus::toJson(const QJsonObject &manifest)
{
    QJsonArray phases;
    for (const PhaseInfo &info : Phases::all()) {
        const Completion completion = Checklist::completion(manifest, info.phase);
        QJsonArray open;
        for (const ChecklistItem &item : Checklist::items(manifest, info.phase)) {
            if (item.isComplete() || item.status == ChecklistItem::Status::NotApplicable)
                continue;
            QJsonObject entry{{u"id"_s, item.id}, {u"title"_s, item.title},
                {u"status"_s, ChecklistItem::statusKey(item.status)}};
            if (!item.owner.isEmpty())
                entry.insert(u"owner"_s, item.owner);
            if (item.status == ChecklistItem::Status::Done && item.needsSignoff)
                entry.insert(u"awaiting"_s, u"sign-off"_s);
            open.append(entry);
        }
        const Signoff signoff = Checklist::phaseSignoff(manifest, info.phase);
        QJsonObject phase{{u"phase"_s, Phases::number(info.phase)}, {u"key"_s, info.key},
            {u"title"_s, info.title}, {u"complete"_s, completion.complete}, {u"total"_s, completion.total},
            {u"percent"_s, completion.percent()}, {u"open"_s, open}};
        if (signoff.isSigned())
            phase.insert(u"signoff"_s, signoff.toJson());
        phases.append(phase);
    }
    const Completion overall = Checklist::overall(manifest);
    return {{u"name"_s, manifest.value(u"name"_s).toString()}, {u"complete"_s, overall.complete},
        {u"total"_s, overall.total}, {u"percent"_s, overall.percent()}, {u"phases"_s, phases}};
}

QString ProjectStatus::toText(const QJsonObject &manifest)
{
    const QJsonObject status = toJson(manifest);
    // one arg() call: a name holding "%1" must not take the numbers that follow
    QString text = u"%1: %2% (%3 of %4 checklist items)\n"_s.arg(status.value(u"name"_s).toString(),
        QString::number(status.value(u"percent"_s).toInt()),
        QString::number(status.value(u"complete"_s).toInt()),
        QString::number(status.value(u"total"_s).toInt()));
    for (const QJsonValue &value : status.value(u"phases"_s).toArray()) {
        const QJsonObject phase = value.toObject();
        text += u"%1 %2 %3% (%4/%5)%6\n"_s.arg(phase.value(u"phase"_s).toInt(), 2)
                    .arg(phase.value(u"title"_s).toString(), -18)
                    .arg(phase.value(u"percent"_s).toInt(), 3)
                    .arg(phase.value(u"complete"_s).toInt())
                    .arg(phase.value(u"total"_s).toInt())
                    .arg(phase.contains(u"signoff"_s) ? u"  signed by "_s
                                + phase.value(u"signoff"_s).toObject().value(u"by"_s).toString()
                                                      : QString());
        for (const QJsonValue &openValue : phase.value(u"open"_s).toArray()) {
            const QJsonObject item = openValue.toObject();
            QString suffix;
            if (item.contains(u"awaiting"_s))
                suffix = u" (awaiting sign-off)"_s;
            else if (item.value(u"status"_s).toString() != u"open")
                suffix = u" ("_s + item.value(u"status"_s).toString() + u')';
            if (item.contains(u"owner"_s))
                suffix += u" [owner: "_s + item.value(u"owner"_s).toString() + u']';
            text += u"     - "_s + item.value(u"title"_s).toString() + suffix + u'\n';
        }
    }
    return text;
}

} // namespace jb
