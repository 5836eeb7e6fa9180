#pragma once

#include "piperesult.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QToolButton;
class QTreeView;

namespace jb {

class EnvironmentBox;

class DocumentEditor;
class PayloadPanel;
class PipeFlowModel;
class PipeRuntime;
class PipeTraceModel;
class ProjectSession;
class StepSettingsEditor;
class StepTimingChart;

// Phase 6's pipe page: the project's pipes; the chosen pipe's trigger and steps as a flow of
// cards, each card's settings editable (undoable document edits, saved with the project); Run with
// a payload editor and saved payloads; the result; the trace, step by step, and a chart of the
// step timings. Serve hosts every REST pipe (and the mocks) on loopback. Runs happen on the
// engine's worker threads; the page only shows what comes back.
class PipesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipesPage)

public:
    // `runtime` runs and serves the session's pipes (MainWindow makes one per session).
    PipesPage(ProjectSession *session, PipeRuntime *runtime, QWidget *parent = nullptr);
    ~PipesPage() override;

    void showPipe(const QString &id);
    QString currentPipeId() const;
    void run();
    void setServing(bool on);
    // The card at `row` of the flow becomes current; its settings fill the editor.
    void selectCard(int row);
    // The steps each pipe's unit tests ran, by pipe id (the latest test run's coverage): the flow's
    // cards show which of them the tests cover. A pipe not in it shows no coverage.
    void setCoverage(const QHash<QString, QSet<QString>> &coveredStepsByPipe);

    PipeRuntime *runtime() const { return m_runtime; }
    QComboBox *pipeBox() const { return m_pipeBox; }
    QComboBox *environmentBox() const { return m_environmentBox; }
    EnvironmentBox *environmentPicker() const { return m_environmentPicker; }
    PipeFlowModel *flowModel() const { return m_flow; }
    QListView *flowView() const { return m_flowView; }
    StepSettingsEditor *settingsEditor() const { return m_settings; }
    PayloadPanel *payloadPanel() const { return m_payload; }
    QPushButton *runButton() const { return m_runButton; }
    QLabel *resultStatus() const { return m_resultStatus; }
    QPlainTextEdit *resultBody() const { return m_resultBody; }
    PipeTraceModel *traceModel() const { return m_trace; }
    QTreeView *traceView() const { return m_traceView; }
    StepTimingChart *timingChart() const { return m_chart; }
    QTabWidget *outputTabs() const { return m_tabs; }
    QToolButton *serveButton() const { return m_serveButton; }
    QLabel *serveAddress() const { return m_serveAddress; }
    const std::optional<PipeResult> &lastResult() const { return m_lastResult; }

Q_SIGNALS:
    void statusMessage(const QString &text);
    void runFinished(const jb::PipeResult &result);

private:
    // pipespage_layout.cpp
    void buildLayout();
    QWidget *buildFlowSide();
    QWidget *buildRunSide();

    void refreshPipes();
    void refreshEnvironments();
    void reloadFlow();
    void onSettingsEdited(const QJsonObject &settings);
    void showResult(const PipeResult &result);
    void updateServe();
    void applyCoverage();

    ProjectSession *m_session;
    DocumentEditor *m_editor;
    PipeRuntime *m_runtime;
    PipeFlowModel *m_flow;
    PipeTraceModel *m_trace;
    std::optional<PipeResult> m_lastResult;
    QStringList m_currentPath; // the selected card
    quint64 m_runGeneration = 0;
    QHash<QString, QSet<QString>> m_coverage;

    QComboBox *m_pipeBox = nullptr;
    EnvironmentBox *m_environmentPicker = nullptr;
    QComboBox *m_environmentBox = nullptr; // the picker's
    QLabel *m_problems = nullptr;
    QLabel *m_description = nullptr;
    QListView *m_flowView = nullptr;
    StepSettingsEditor *m_settings = nullptr;
    PayloadPanel *m_payload = nullptr;
    QPushButton *m_runButton = nullptr;
    QLabel *m_resultStatus = nullptr;
    QPlainTextEdit *m_resultBody = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeView *m_traceView = nullptr;
    QPlainTextEdit *m_traceDetail = nullptr;
    StepTimingChart *m_chart = nullptr;
    QToolButton *m_serveButton = nullptr;
    QLabel *m_serveAddress = nullptr;
};

} // namespace jb
