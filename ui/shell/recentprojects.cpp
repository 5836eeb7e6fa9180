#include "recentprojects.h"

#include "projectdata.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace jb {

namespace {
const QString settingsKey = u"recentProjects"_s;
} // namespace

RecentProjects::RecentProjects(QSettings &settings)
    : m_settings(settings)
{ }

QStringList RecentProjects::folders()
{
    const QStringList stored = m_settings.value(settingsKey).toStringList();
    QStringList kept;
    for (const QString &folder : stored) {
        // a stat of at most eight paths: cheap enough for the GUI thread
        if (QFileInfo::exists(QDir(folder).filePath(manifestFileName)) && !kept.contains(folder))
            kept.append(folder);
    }
    kept = kept.mid(0, maximum);
    if (kept != stored)
        store(kept);
    return kept;
}

void RecentProjects::add(const QString &folder)
{
    QStringList list = m_settings.value(settingsKey).toStringList();
    const QString clean = QDir::cleanPath(QDir(folder).absolutePath());
    list.removeAll(clean);
    list.prepend(clean);
    store(list.mid(0, maximum));
}

void RecentProjects::remove(const QString &folder)
{
    QStringList list = m_settings.value(settingsKey).toStringList();
    list.removeAll(QDir::cleanPath(QDir(folder).absolutePath()));
    store(list);
}

void RecentProjects::clear()
{
    store({});
}

void RecentProjects::store(const QStringList &folders)
{
    if (folders.isEmpty())
        m_settings.remove(settingsKey);
    else
        m_settings.setValue(settingsKey, folders);
}

} // namespace jb
