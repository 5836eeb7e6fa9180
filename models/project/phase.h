#pragma once

#include <QList>
#include <QString>

namespace jb {

// The ten phases of the integration journey, in order.
enum class Phase
{
    Connection = 1,
    ServersDb,
    Systems,
    Services,
    Contracts,
    Pipes,
    UnitTests,
    IntegratedTests,
    Capacity,
    Deploy,
};

struct ChecklistTemplateItem
{
    QString id;
    QString title;
    bool needsSignoff = false;
};

struct PhaseInfo
{
    Phase phase;
    QString key; // as written in journey.json
    QString title; // "Servers / DB"
    QString summary; // one line: what this phase records and proves
    QList<ChecklistTemplateItem> checklist; // the journey document's items
};

class Phases final
{
public:
    static const QList<PhaseInfo> &all();
    static const PhaseInfo &info(Phase phase);
    static const PhaseInfo *byKey(const QString &key);
    static int number(Phase phase) { return static_cast<int>(phase); }
};

} // namespace jb
