#include "projectversion.h"

#include "projectformat.h"

#include <QCryptographicHash>
#include <QMap>

using namespace Qt::StringLiterals;

namespace jb {

QString ProjectVersion::of(const ProjectData &project)
{
    // the bytes a save would write, so an unsaved edit already shows as a new version
    QMap<QString, QByteArray> files;
    if (project.manifestLoaded)
        files.insert(QString(manifestFileName), ProjectFormat::manifestBytes(project.manifest));
    for (const EntityRecord &record : project.entities)
        files.insert(record.path, ProjectFormat::entityBytes(record));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        hash.addData(it.key().toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(QByteArray::number(it.value().size()));
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(it.value());
    }
    return QString::fromLatin1(hash.result().toHex().left(12));
}

} // namespace jb
