#pragma once

#include <QWidget>

class QListWidget;

namespace jb {

// What the window shows before a project is open: what JourneyBench is, the ways to start (new,
// open, the sample) and the recent projects.
class WelcomePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    void setRecentProjects(const QStringList &folders);

Q_SIGNALS:
    void newRequested();
    void openRequested();
    void sampleRequested();
    void recentRequested(const QString &folder);

private:
    QListWidget *m_recent;
};

} // namespace jb
