#pragma once

#include "projectdata.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace jb {

// Where one entity names another, and how to make it name a renamed one. References are kept as
// ids in three shapes:
// - the schema's reference fields (a flow's provider, a server's environment, a VPN's
//   hostsBehind), at the top level and in object lists;
// - a probe's sources, written "kind/id";
// - inside the free-form parts of pipes and test suites: a step's "mapping" and "database", a
//   case's "pipe" (the whole value only: a template such as "{{ env['db'] || 'customers' }}"
//   is code, and is left as it is).
class ReferenceRewriter final
{
public:
    // `record`'s JSON with every reference to (kind, oldId) made one to newId; nothing when it has
    // none. The record's own id is never touched.
    static std::optional<QJsonObject> rewrite(
        const EntityRecord &record, const QString &kind, const QString &oldId, const QString &newId);
};

} // namespace jb
