#pragma once

#include "fieldspec.h"

#include <QJsonObject>

namespace jb {

enum class Phase;

// One kind of entity: where its files live, which fields it has, which phase records it.
// Two kinds may share a folder (VPNs and exposed endpoints are both "connections"): the
// discriminator field tells them apart.
struct KindSpec
{
    QString kind; // stable identifier, e.g. "server"
    QString folder; // sub-folder of the project, e.g. "servers"
    QString singular; // "Server"
    QString plural; // "Servers"
    int phase = 0; // the journey phase (1..10) that records it; 0: none (environments serve many)
    QList<FieldSpec> fields;
    QString discriminatorKey; // e.g. "type" for connections
    QStringList discriminatorValues; // the values that select this kind in a shared folder

    const FieldSpec *field(const QString &key) const;
    const FieldSpec *fieldAtPath(const QStringList &keys) const;
    QStringList keyOrder(const QString &schemaPath) const;
    bool matches(const QJsonObject &object) const;
    QString discriminatorOf(const QJsonObject &object) const;
    // The fields worth a table column (scalars and short lists), in order.
    QList<FieldSpec> columnFields() const;
    QList<FieldSpec> objectListFields() const;
};

} // namespace jb
