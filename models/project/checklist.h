#pragma once

#include "phase.h"

#include <QJsonObject>
#include <QStringList>

namespace jb {

struct Signoff
{
    QString by;
    QString at; // ISO 8601
    QString comment;
    // Set when the signer went on although items were still open: why, and which ones they were.
    QString overrideReason = {};
    QStringList openItems = {};

    bool isSigned() const { return !by.isEmpty(); }
    bool isOverride() const { return !overrideReason.isEmpty(); }
    // "Signed with 2 items open (A; B). Reason: …", or "" for a sign-off of finished work.
    QString overrideNote() const;
    QJsonObject toJson() const;
    static Signoff fromJson(const QJsonObject &object);
};

struct ChecklistItem
{
    enum class Status
    {
        Open,
        InProgress,
        Done,
        NotApplicable
    };

    QString id;
    QString title;
    bool needsSignoff = false;
    bool custom = false; // added by the user, not from the journey document
    Status status = Status::Open;
    QString owner;
    QStringList evidence; // references: evidence files, documents, tickets
    QString comment;
    Signoff signoff;

    // Done, and signed where the journey demands a signature.
    bool isComplete() const { return status == Status::Done && (!needsSignoff || signoff.isSigned()); }

    static QString statusKey(Status status);
    static Status statusFromKey(const QString &key);
    static QString statusLabel(Status status);
};

struct Completion
{
    int complete = 0;
    int total = 0;

    double ratio() const { return total == 0 ? 0.0 : double(complete) / total; }
    int percent() const { return total == 0 ? 0 : (100 * complete + total / 2) / total; }
};

// Reads and writes the checklist state kept in journey.json: the journey document's items per
// phase (plus any the user added), their status, owner, evidence and sign-off.
class Checklist final
{
public:
    static QList<ChecklistItem> items(const QJsonObject &manifest, Phase phase);
    static QJsonObject withItem(const QJsonObject &manifest, Phase phase, const ChecklistItem &item);
    static QJsonObject withoutItem(const QJsonObject &manifest, Phase phase, const QString &itemId);
    static Completion completion(const QJsonObject &manifest, Phase phase);
    static Completion overall(const QJsonObject &manifest);

    // The titles of the phase's items neither done nor marked n/a: what a sign-off would skip.
    static QStringList openItems(const QList<ChecklistItem> &items);
    static Signoff phaseSignoff(const QJsonObject &manifest, Phase phase);
    static QJsonObject withPhaseSignoff(const QJsonObject &manifest, Phase phase, const Signoff &signoff);
};

} // namespace jb
