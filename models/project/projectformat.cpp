#include "projectformat.h"

#include "core/jsonwriter.h"
#include "journeyschema.h"

using namespace Qt::StringLiterals;

namespace jb {

QByteArray ProjectFormat::entityBytes(const EntityRecord &record)
{
    const KindSpec *kind = JourneySchema::kind(record.kind);
    return JsonWriter::write(record.data, [kind](const QString &path) {
        return kind ? kind->keyOrder(path) + JourneySchema::extraKeyOrder(kind->kind, path) : QStringList();
    });
}

QByteArray ProjectFormat::manifestBytes(const QJsonObject &manifest)
{
    return JsonWriter::write(manifest, &JourneySchema::manifestKeyOrder);
}

QString ProjectFormat::canonicalPath(const QString &kind, const QString &id)
{
    const KindSpec *spec = JourneySchema::kind(kind);
    return (spec ? spec->folder : kind) + u'/' + id + u".json"_s;
}

QJsonObject ProjectFormat::newManifest(const QString &name)
{
    return QJsonObject{{u"schemaVersion"_s, JourneySchema::currentVersion}, {u"name"_s, name},
        {u"checklist"_s, QJsonObject()}, {u"timeline"_s, QJsonObject()}};
}

} // namespace jb
