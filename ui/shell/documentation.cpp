#include "documentation.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace jb {

QStringList Documentation::candidates(const QString &applicationDir)
{
    QStringList list;
    const QString fromEnvironment = qEnvironmentVariable("JB_DOCS_DIR");
    if (!fromEnvironment.isEmpty())
        list.append(fromEnvironment);
    const QDir app(applicationDir);
    // the build tree: build/<preset>/app/gui/journeybench; its docs/html sits at build/<preset>/docs
    list.append(QDir::cleanPath(app.filePath(u"../../docs/html"_s)));
    list.append(QDir::cleanPath(app.filePath(u"../share/doc/journeybench/html"_s))); // installed
    return list;
}

QString Documentation::findIndex(const QString &applicationDir)
{
    for (const QString &folder : candidates(applicationDir)) {
        const QString index = QDir(folder).filePath(u"index.html"_s);
        if (QFileInfo::exists(index))
            return index;
    }
    return QString();
}

} // namespace jb
