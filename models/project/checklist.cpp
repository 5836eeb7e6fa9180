#include "checklist.h"

#include "core/enumtable.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// "status" in journey.json; a key it does not know reads as open
constexpr auto statusNames = enumTable<ChecklistItem::Status>({
    {ChecklistItem::Status::Open, u"open", u"Open"},
    {ChecklistItem::Status::InProgress, u"in-progress", u"In progress"},
    {ChecklistItem::Status::Done, u"done", u"Done"},
    {ChecklistItem::Status::NotApplicable, u"n/a", u"N/A"},
});

} // namespace

QJsonObject Signoff::toJson() const
{
    QJsonObject object{{u"by"_s, by}, {u"at"_s, at}};
    if (!comment.isEmpty())
        object.insert(u"comment"_s, comment);
    if (isOverride())
        object.insert(u"override"_s,
            QJsonObject{
                {u"reason"_s, overrideReason}, {u"openItems"_s, QJsonArray::fromStringList(openItems)}});
    return object;
}

Signoff Signoff::fromJson(const QJsonObject &object)
{
    const QJsonObject override = object.value(u"override"_s).toObject();
    QStringList open;
    for (const QJsonValue &title : override.value(u"openItems"_s).toArray())
        open.append(title.toString());
    return {object.value(u"by"_s).toString(), object.value(u"at"_s).toString(),
        object.value(u"comment"_s).toString(), override.value(u"reason"_s).toString(), open};
}

QString Signoff::overrideNote() const
{
    if (!isOverride())
        return QString();
    const QString items = openItems.size() == 1 ? u"1 item open"_s : u"%1 items open"_s.arg(openItems.size());
    return u"Signed with %1 (%2). Reason: %3"_s.arg(items, openItems.join(u"; "_s), overrideReason);
}

QStringList Checklist::openItems(const QList<ChecklistItem> &items)
{
    QStringList open;
    for (const ChecklistItem &item : items) {
        if (item.status != ChecklistItem::Status::Done && item.status != ChecklistItem::Status::NotApplicable)
            open.append(item.title);
    }
    return open;
}

QString ChecklistItem::statusKey(Status status)
{
    return statusNames.key(status).value_or(u"open"_s);
}

ChecklistItem::Status ChecklistItem::statusFromKey(const QString &key)
{
    return statusNames.fromKey(key).value_or(Status::Open);
}

QString ChecklistItem::statusLabel(Status status)
{
    return statusNames.label(status).value_or(u"Open"_s);
}

namespace {

QJsonObject phaseState(const QJsonObject &manifest, Phase phase)
{
    return manifest.value(u"checklist"_s).toObject().value(Phases::info(phase).key).toObject();
}

void readState(ChecklistItem &item, const QJsonObject &state)
{
    item.status = ChecklistItem::statusFromKey(state.value(u"status"_s).toString());
    item.owner = state.value(u"owner"_s).toString();
    for (const QJsonValue &reference : state.value(u"evidence"_s).toArray())
        item.evidence.append(reference.toString());
    item.comment = state.value(u"comment"_s).toString();
    item.signoff = Signoff::fromJson(state.value(u"signoff"_s).toObject());
}

// `signoff` written over `existing`, keeping the keys Signoff does not know about.
QJsonObject mergedSignoff(const QJsonObject &existing, const Signoff &signoff)
{
    QJsonObject merged = existing;
    merged.remove(u"comment"_s);
    merged.remove(u"override"_s); // an earlier override does not carry over to a new sign-off
    const QJsonObject known = signoff.toJson();
    for (auto it = known.begin(); it != known.end(); ++it)
        merged.insert(it.key(), it.value());
    return merged;
}

} // namespace

QList<ChecklistItem> Checklist::items(const QJsonObject &manifest, Phase phase)
{
    const QJsonObject state = phaseState(manifest, phase);
    QList<ChecklistItem> items;
    for (const ChecklistTemplateItem &templateItem : Phases::info(phase).checklist) {
        ChecklistItem item;
        item.id = templateItem.id;
        item.title = templateItem.title;
        item.needsSignoff = templateItem.needsSignoff;
        readState(item, state.value(item.id).toObject());
        items.append(item);
    }
    for (auto it = state.begin(); it != state.end(); ++it) {
        const bool known
            = std::any_of(items.cbegin(), items.cend(), [&](const auto &i) { return i.id == it.key(); });
        if (known || !it.value().isObject())
            continue;
        ChecklistItem item;
        item.id = it.key();
        item.custom = true;
        item.title = it.value().toObject().value(u"title"_s).toString(it.key());
        readState(item, it.value().toObject());
        items.append(item);
    }
    return items;
}

QJsonObject Checklist::withItem(const QJsonObject &manifest, Phase phase, const ChecklistItem &item)
{
    const QString phaseKey = Phases::info(phase).key;
    QJsonObject checklist = manifest.value(u"checklist"_s).toObject();
    QJsonObject state = checklist.value(phaseKey).toObject();
    // keep keys we do not know about (hand edits, newer versions)
    QJsonObject itemState = state.value(item.id).toObject();
    auto put = [&itemState](const QString &key, const QJsonValue &value, bool keep) {
        if (keep)
            itemState.insert(key, value);
        else
            itemState.remove(key);
    };
    put(u"title"_s, item.title, item.custom);
    put(u"status"_s, ChecklistItem::statusKey(item.status), item.status != ChecklistItem::Status::Open);
    put(u"owner"_s, item.owner, !item.owner.isEmpty());
    put(u"evidence"_s, QJsonArray::fromStringList(item.evidence), !item.evidence.isEmpty());
    put(u"comment"_s, item.comment, !item.comment.isEmpty());
    put(u"signoff"_s, mergedSignoff(itemState.value(u"signoff"_s).toObject(), item.signoff),
        item.signoff.isSigned());
    if (itemState.isEmpty() && !item.custom)
        state.remove(item.id);
    else
        state.insert(item.id, itemState);
    if (state.isEmpty())
        checklist.remove(phaseKey);
    else
        checklist.insert(phaseKey, state);
    QJsonObject result = manifest;
    result.insert(u"checklist"_s, checklist);
    return result;
}

QJsonObject Checklist::withoutItem(const QJsonObject &manifest, Phase phase, const QString &itemId)
{
    const QString phaseKey = Phases::info(phase).key;
    QJsonObject checklist = manifest.value(u"checklist"_s).toObject();
    QJsonObject state = checklist.value(phaseKey).toObject();
    state.remove(itemId);
    if (state.isEmpty())
        checklist.remove(phaseKey);
    else
        checklist.insert(phaseKey, state);
    QJsonObject result = manifest;
    result.insert(u"checklist"_s, checklist);
    return result;
}

Completion Checklist::completion(const QJsonObject &manifest, Phase phase)
{
    Completion completion;
    for (const ChecklistItem &item : items(manifest, phase)) {
        if (item.status == ChecklistItem::Status::NotApplicable)
            continue;
        ++completion.total;
        if (item.isComplete())
            ++completion.complete;
    }
    return completion;
}

Completion Checklist::overall(const QJsonObject &manifest)
{
    Completion sum;
    for (const PhaseInfo &info : Phases::all()) {
        const Completion part = completion(manifest, info.phase);
        sum.complete += part.complete;
        sum.total += part.total;
    }
    return sum;
}

Signoff Checklist::phaseSignoff(const QJsonObject &manifest, Phase phase)
{
    return Signoff::fromJson(
        manifest.value(u"signoffs"_s).toObject().value(Phases::info(phase).key).toObject());
}

QJsonObject Checklist::withPhaseSignoff(const QJsonObject &manifest, Phase phase, const Signoff &signoff)
{
    QJsonObject signoffs = manifest.value(u"signoffs"_s).toObject();
    if (signoff.isSigned())
        signoffs.insert(Phases::info(phase).key,
            mergedSignoff(signoffs.value(Phases::info(phase).key).toObject(), signoff));
    else
        signoffs.remove(Phases::info(phase).key);
    QJsonObject result = manifest;
    if (signoffs.isEmpty())
        result.remove(u"signoffs"_s);
    else
        result.insert(u"signoffs"_s, signoffs);
    return result;
}

} // namespace jb
