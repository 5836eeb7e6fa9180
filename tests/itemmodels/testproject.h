#pragma once

// A small project built in memory for the item model suites: every kind of phases 1-5, one
// invalid value (a server's IP) and one accent ("São Paulo"), so filters and problems have
// something to find.

#include "projectdata.h"
#include "projectdocument.h"
#include "projectformat.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace jb::test {

using namespace Qt::StringLiterals;

inline EntityRecord record(const QString &kind, const QJsonObject &data)
{
    return {kind, ProjectFormat::canonicalPath(kind, data.value(u"id"_s).toString()), data};
}

inline ProjectData project(const QString &folder = {})
{
    ProjectData data;
    data.folder = folder;
    data.manifest = ProjectFormat::newManifest(u"Test project"_s);
    data.manifestLoaded = true;
    auto ports
        = QJsonArray{QJsonObject{{u"port"_s, 443}, {u"protocol"_s, u"https"_s}, {u"purpose"_s, u"API"_s}},
            QJsonObject{{u"port"_s, 5432}, {u"protocol"_s, u"postgresql"_s}, {u"purpose"_s, u"Orders"_s}}};
    data.entities = {
        record(u"vpn"_s,
            {{u"id"_s, u"partner-vpn"_s}, {u"name"_s, u"Partner VPN"_s}, {u"type"_s, u"vpn"_s},
                {u"localGateway"_s, u"203.0.113.1"_s}, {u"peerGateways"_s, QJsonArray{u"198.51.100.7"_s}},
                {u"localSubnets"_s, QJsonArray{u"10.10.0.0/24"_s}}}),
        record(u"endpoint"_s,
            {{u"id"_s, u"viacep"_s}, {u"name"_s, u"ViaCEP"_s}, {u"type"_s, u"api"_s},
                {u"url"_s, u"https://viacep.com.br/ws/"_s}}),
        record(u"server"_s,
            {{u"id"_s, u"app-server"_s}, {u"name"_s, u"App server"_s}, {u"ip"_s, u"10.0.0.5"_s},
                {u"environment"_s, u"prod"_s}, {u"ports"_s, ports}, {u"x-hand-edited"_s, u"kept"_s}}),
        record(u"server"_s,
            {{u"id"_s, u"db-server"_s}, {u"name"_s, u"Banco São Paulo"_s}, {u"ip"_s, u"10.0.0.6"_s}}),
        record(
            u"server"_s, {{u"id"_s, u"legacy"_s}, {u"name"_s, u"Legacy box"_s}, {u"ip"_s, u"999.1.1.1"_s}}),
        record(u"database"_s,
            {{u"id"_s, u"orders-db"_s}, {u"name"_s, u"Orders"_s}, {u"driver"_s, u"QPSQL"_s},
                {u"host"_s, u"127.0.0.1"_s}, {u"port"_s, 5432}, {u"database"_s, u"orders"_s}}),
        record(u"system"_s, {{u"id"_s, u"erp"_s}, {u"name"_s, u"ERP"_s}, {u"acronym"_s, u"ERP"_s}}),
        record(u"system"_s, {{u"id"_s, u"crm"_s}, {u"name"_s, u"CRM"_s}, {u"acronym"_s, u"CRM"_s}}),
        record(u"flow"_s,
            {{u"id"_s, u"orders"_s}, {u"name"_s, u"Orders"_s}, {u"provider"_s, u"erp"_s},
                {u"consumer"_s, u"crm"_s}, {u"pipeCount"_s, 1}}),
        record(u"contract"_s,
            {{u"id"_s, u"customer"_s}, {u"name"_s, u"Customer"_s},
                {u"fields"_s,
                    QJsonArray{QJsonObject{{u"name"_s, u"customerid"_s}, {u"type"_s, u"integer"_s},
                                   {u"required"_s, true}},
                        QJsonObject{{u"name"_s, u"customeremail"_s}, {u"type"_s, u"string"_s}}}}}),
        record(u"environment"_s, {{u"id"_s, u"prod"_s}, {u"name"_s, u"Production"_s}}),
    };
    // as if read from disk, so that removing an entity is a change to save
    data.diskBytes.insert(manifestFileName, ProjectFormat::manifestBytes(data.manifest));
    for (const EntityRecord &entity : std::as_const(data.entities))
        data.diskBytes.insert(entity.path, ProjectFormat::entityBytes(entity));
    return data;
}

// The whole document as text (manifest, then each entity's kind, path and JSON), for comparing
// states whole.
inline QByteArray dump(const QJsonObject &manifest, const QList<EntityRecord> &entities)
{
    QByteArray out = QJsonDocument(manifest).toJson(QJsonDocument::Compact) + '\n';
    for (const EntityRecord &entity : entities) {
        out += entity.kind.toUtf8() + ' ' + entity.path.toUtf8() + ' '
            + QJsonDocument(entity.data).toJson(QJsonDocument::Compact) + '\n';
    }
    return out;
}

inline QByteArray dump(const ProjectDocument &document)
{
    return dump(document.manifest(), document.allEntities());
}

} // namespace jb::test
