#include "projecttemplate.h"

#include "projectformat.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

EntityRecord environment(
    const QString &id, const QString &name, const QString &description, const QJsonArray &sourceAddresses)
{
    QJsonObject data{{u"id"_s, id}, {u"name"_s, name}, {u"description"_s, description}};
    if (!sourceAddresses.isEmpty())
        data.insert(u"sourceAddresses"_s, sourceAddresses);
    return {u"environment"_s, ProjectFormat::canonicalPath(u"environment"_s, id), data};
}

} // namespace

QList<ProjectTemplate::File> ProjectTemplate::files(const QString &name)
{
    QList<File> result{
        {QString(manifestFileName), ProjectFormat::manifestBytes(ProjectFormat::newManifest(name))}};
    const QList<EntityRecord> environments{
        environment(u"test"_s, u"Test"_s, u"Loopback: the workbench's mocks and local servers"_s,
            QJsonArray{u"127.0.0.1/32"_s}),
        // its source addresses are the customer's to give: left empty, the firewall request says so
        environment(u"prod"_s, u"Production"_s, u"Customer's production environment"_s, {}),
    };
    for (const EntityRecord &record : environments)
        result.append({record.path, ProjectFormat::entityBytes(record)});
    return result;
}

} // namespace jb
