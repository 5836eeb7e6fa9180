#pragma once

#include "projectdata.h"
#include "sequencediagram.h"

namespace jb {

// Builds a flow's sequence diagram from the project: its provider and consumer systems, its
// services (calls, answers, and the error answers listed in their exceptions), its pipes when
// recorded, its trigger and its error treatment.
//   REST trigger:   consumer -> pipe -> provider(s) -> pipe -> consumer
//   other triggers: trigger -> pipe -> provider -> pipe -> consumer
// Errors: an alternative per service with exceptions; the flow's error treatment as an error event
// sent to the error-treatment pipe.
class SequenceDiagramBuilder final
{
public:
    static SequenceDiagram forFlow(const QList<EntityRecord> &entities, const QString &flowId);
    // Every flow's diagram, in flow id order.
    static QList<SequenceDiagram> forAllFlows(const QList<EntityRecord> &entities);
    // An exceptions text split into its clauses ("400 malformed CEP; 404 unknown CEP").
    static QStringList clauses(const QString &text);
};

} // namespace jb
