#pragma once

#include "checklistevidence.h"

#include <QIdentityProxyModel>

namespace jb {

// A phase's checklist as shown: every row of an item that probes can evidence carries what its
// latest evidence says (roles below, on every column), and the item's tooltip says why. It adapts
// the checklist model; ChecklistEvidence decides, ChecklistEvidenceTracker computes.
class ChecklistEvidenceProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecklistEvidenceProxy)

public:
    // Well above the checklist model's own roles, which this proxy passes through.
    enum Role
    {
        EvidencedRole = Qt::UserRole + 64, // bool: a probe can evidence this item
        EvidenceStateRole, // int (ItemEvidence::State); invalid until the evidence is known
        EvidenceTextRole, // the line shown under the item: "Tested … · 5/5 passed", "Stale: …"
        EvidencePathRole, // absolute path of the newest evidence file; empty when there is none
        EvidenceTestedAtRole, // QDateTime of that evidence
        EvidenceReasonsRole, // QStringList: why it is stale or missing
    };

    // `itemIdRole` is the source model's role holding an item's id.
    ChecklistEvidenceProxy(Phase phase, int itemIdRole, QObject *parent = nullptr);

    Phase phase() const { return m_phase; }
    // `items` as ChecklistEvidence::compute() made them (other phases' are ignored); their paths are
    // relative to `projectFolder`.
    void setEvidence(
        const QList<ItemEvidence> &items, const QString &projectFolder, const QString &environment);
    // Forgets the evidence: the items say they are being checked.
    void clearEvidence();
    std::optional<ItemEvidence> evidence(const QString &itemId) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString line(const ItemEvidence &item, const QString &environment);
    static QString toolTip(const ItemEvidence &item, const QString &environment);
    static QString checkingText() { return QStringLiteral("Checking the probe evidence…"); }

private:
    void announce();

    Phase m_phase;
    int m_itemIdRole;
    QStringList m_evidenced; // the ids of this phase's items that probes evidence
    QHash<QString, ItemEvidence> m_items; // by item id, paths made absolute
    QString m_environment;
    bool m_known = false;
};

} // namespace jb
