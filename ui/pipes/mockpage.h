#pragma once

#include <QWidget>

class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QPlainTextEdit;
class QTableView;

namespace jb {

class FaultRulesModel;
class MockRuntime;
class PipeRuntime;
class RequestLogModel;
class ViaCepDatasetModel;

// Phase 6's mock page: the ViaCEP dataset (add, edit, remove, import a JSON file), the fault
// rules, start / stop on 127.0.0.1 with the port shown, and the live request log. The mock is the
// session's (the pipe runtime's mock()), so the pipe page's runs and this page's log are the same
// traffic.
class MockPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockPage)

public:
    // `runtime` is the session's: its mock is shown, its environment names the usual port.
    explicit MockPage(PipeRuntime *runtime, QWidget *parent = nullptr);

    void startMock();
    void stopMock();
    // Reads `path` on a worker, then merges its records (same CEP: replaced); importFinished tells.
    void importFile(const QString &path);

    PipeRuntime *runtime() const { return m_runtime; }
    MockRuntime *mock() const { return m_mock; }
    ViaCepDatasetModel *datasetModel() const { return m_dataset; }
    FaultRulesModel *faultModel() const { return m_faults; }
    RequestLogModel *logModel() const { return m_log; }
    QTableView *datasetView() const { return m_datasetView; }
    QTableView *faultView() const { return m_faultView; }
    QTableView *logView() const { return m_logView; }
    QPlainTextEdit *logDetails() const { return m_logDetails; }
    QPushButton *startButton() const { return m_startButton; }
    QSpinBox *portBox() const { return m_portBox; }
    QLabel *stateLabel() const { return m_state; }

Q_SIGNALS:
    void statusMessage(const QString &text);
    void importFinished(bool ok, const QString &message);

protected:
    // the state's dot is coloured for the palette: recoloured when the theme changes
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildDatasetBox();
    QWidget *buildFaultBox();
    QWidget *buildLogBox();
    void updateState();
    void updateDatasetTitle();
    void chooseImportFile();
    void showLogDetails();

    PipeRuntime *m_runtime;
    MockRuntime *m_mock;
    ViaCepDatasetModel *m_dataset;
    FaultRulesModel *m_faults;
    RequestLogModel *m_log;
    QLabel *m_state = nullptr;
    QLabel *m_routes = nullptr;
    QSpinBox *m_portBox = nullptr;
    QPushButton *m_startButton = nullptr;
    QGroupBox *m_datasetBox = nullptr;
    QTableView *m_datasetView = nullptr;
    QTableView *m_faultView = nullptr;
    QTableView *m_logView = nullptr;
    QPlainTextEdit *m_logDetails = nullptr; // the selected request: its bodies as they went over the wire
};

} // namespace jb
