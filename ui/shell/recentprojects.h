#pragma once

#include <QStringList>

class QSettings;

namespace jb {

// The projects opened last, newest first, kept in the application's settings. Folders that no
// longer hold a project drop out when the list is read.
class RecentProjects final
{
public:
    static constexpr int maximum = 8;

    explicit RecentProjects(QSettings &settings);

    // Drops (and forgets) folders that no longer hold a project.
    QStringList folders();
    void add(const QString &folder);
    void remove(const QString &folder);
    void clear();

private:
    void store(const QStringList &folders);

    QSettings &m_settings;
};

} // namespace jb
