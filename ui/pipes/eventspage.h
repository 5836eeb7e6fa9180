#pragma once

#include "eventstore.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace jb {

class PipeRuntime;
class ProjectSession;
class StoredEventModel;
struct PipeResult;

// Phase 6's events page: the events the pipes stored (error events first of all), filtered by
// pipe, class and retriable; the selected event whole; and a re-run of a retriable one with its
// stored request. The store is read on a worker thread, again whenever an event is stored.
class EventsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventsPage)

public:
    // `runtime` is the session's, whose event store this page reads and whose engine re-runs.
    EventsPage(ProjectSession *session, PipeRuntime *runtime, QWidget *parent = nullptr);

    void refresh();
    void rerunSelected();
    EventFilter filter() const;

    StoredEventModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *pipeFilter() const { return m_pipe; }
    QComboBox *classFilter() const { return m_class; }
    QComboBox *retriableFilter() const { return m_retriable; }
    QPlainTextEdit *details() const { return m_details; }
    QPushButton *rerunButton() const { return m_rerun; }
    QLabel *stateLabel() const { return m_state; }

Q_SIGNALS:
    void statusMessage(const QString &text);
    void refreshed();
    void rerunFinished(const jb::PipeResult &result);

private:
    void refreshPipes();
    void showSelected();

    ProjectSession *m_session;
    PipeRuntime *m_runtime;
    StoredEventModel *m_model;
    QTimer *m_refreshTimer;
    quint64 m_generation = 0;
    QComboBox *m_pipe = nullptr;
    QComboBox *m_class = nullptr;
    QComboBox *m_retriable = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPushButton *m_rerun = nullptr;
    QLabel *m_state = nullptr;
};

} // namespace jb
