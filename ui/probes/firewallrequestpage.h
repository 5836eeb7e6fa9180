#pragma once

#include <QThreadPool>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QTimer;

namespace jb {

class EnvironmentBox;

class FirewallRequestModel;
class FirewallTableProxy;
class ProjectSession;

// The firewall request of phase 2: every recorded server port, from each source address of the
// environment, with what its latest TCP probe found; exported as CSV for the network team. The
// evidence is read and the CSV written off the GUI thread.
class FirewallRequestPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirewallRequestPage)

public:
    FirewallRequestPage(ProjectSession *session, QWidget *parent = nullptr);
    ~FirewallRequestPage() override;

    void setEnvironment(const QString &environment);
    QString environment() const { return m_environment; }
    // Rebuilds the rows from the inventory and the latest evidence; refreshed() follows.
    void refresh();
    // Writes the table as CSV to `path`; exported() follows.
    void exportCsv(const QString &path);

    FirewallRequestModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    QComboBox *environmentBox() const { return m_environmentBox; }
    EnvironmentBox *environmentPicker() const { return m_environmentPicker; }

Q_SIGNALS:
    void refreshed();
    void exported(const QString &path, bool ok, const QString &error);
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refreshEnvironments();
    void chooseExportFile();
    void updateSummary();

    ProjectSession *m_session;
    QString m_environment;
    quint64 m_generation = 0;
    QThreadPool m_io; // one thread: reads and writes stay in order
    FirewallRequestModel *m_model;
    FirewallTableProxy *m_proxy;
    QTimer *m_refresh;
    EnvironmentBox *m_environmentPicker;
    QComboBox *m_environmentBox; // the picker's
    QTableView *m_table;
    QLabel *m_summary;
};

} // namespace jb
