#include "mockpage.h"

#include "core/offthread.h"
#include "faultruledelegate.h"
#include "faultrulesmodel.h"
#include "mockruntime.h"
#include "mockserver.h"
#include "piperuntime.h"
#include "requestlogmodel.h"
#include "themecolors.h"
#include "viacepdatasetmodel.h"

#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr qint64 maxImportBytes = 64 * 1024 * 1024;

void styleTable(QTableView *view)
{
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
}

QToolButton *button(const QString &text, const QString &tip, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    return b;
}

} // namespace

MockPage::MockPage(PipeRuntime *runtime, QWidget *parent)
    : QWidget(parent)
    , m_runtime(runtime)
    , m_mock(runtime->mock())
    , m_dataset(new ViaCepDatasetModel(this))
    , m_faults(new FaultRulesModel(this))
    , m_log(new RequestLogModel(this))
{
    setObjectName(u"mockPage"_s);
    // The tables show what the session's mock serves; their edits go to it, which serves them,
    // writes the project's mocks/ files and hands them back through its change signals.
    m_dataset->setDataset(m_mock->dataset());
    m_faults->setRules(m_mock->faultRules());
    connect(m_mock, &MockRuntime::datasetChanged, m_dataset,
        [this] { m_dataset->setDataset(m_mock->dataset()); });
    connect(m_mock, &MockRuntime::faultRulesChanged, m_faults,
        [this] { m_faults->setRules(m_mock->faultRules()); });
    connect(m_dataset, &ViaCepDatasetModel::datasetEdited, m_mock, &MockRuntime::setDataset);
    connect(m_faults, &FaultRulesModel::rulesEdited, m_mock, &MockRuntime::setFaultRules);
    m_log->setLog(&m_mock->server()->log());

    m_state = new QLabel(this);
    m_state->setObjectName(u"mockState"_s);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_portBox = new QSpinBox(this);
    m_portBox->setObjectName(u"mockPort"_s);
    m_portBox->setRange(0, 65535);
    m_portBox->setSpecialValueText(tr("any free port"));
    m_portBox->setToolTip(tr("The port to listen on; the environment's ViaCEP URL names the usual one"));
    m_startButton = new QPushButton(this);
    m_startButton->setObjectName(u"mockStartButton"_s);
    m_routes = new QLabel(this);
    m_routes->setForegroundRole(QPalette::PlaceholderText);
    m_routes->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_state, 1);
    bar->addWidget(new QLabel(tr("Port"), this));
    bar->addWidget(m_portBox);
    bar->addWidget(m_startButton);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(buildFaultBox());
    right->addWidget(buildLogBox());
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);
    right->setChildrenCollapsible(false);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(buildDatasetBox());
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_routes);
    layout->addWidget(split, 1);

    connect(m_startButton, &QPushButton::clicked, this, [this] {
        if (m_mock->server()->isListening())
            stopMock();
        else
            startMock();
    });
    connect(m_mock, &MockRuntime::stateChanged, this, &MockPage::updateState);
    connect(m_mock, &MockRuntime::datasetChanged, this, &MockPage::updateDatasetTitle);
    connect(m_runtime, &PipeRuntime::environmentChanged, this, &MockPage::updateState);
    connect(m_dataset, &ViaCepDatasetModel::editRefused, this, &MockPage::statusMessage);
    connect(m_log, &QAbstractItemModel::rowsInserted, m_logView, [this] { m_logView->scrollToBottom(); });
    m_portBox->setValue(m_runtime->preferredMockPort());
    updateState();
    updateDatasetTitle();
}

QWidget *MockPage::buildDatasetBox()
{
    m_datasetView = new QTableView(this);
    m_datasetView->setObjectName(u"datasetView"_s);
    m_datasetView->setModel(m_dataset);
    styleTable(m_datasetView);
    m_datasetView->horizontalHeader()->setDefaultSectionSize(110);
    m_datasetView->horizontalHeader()->setStretchLastSection(false);
    QToolButton *add = button(tr("Add"), tr("Add a record; then edit its CEP and fields"), this);
    QToolButton *remove = button(tr("Remove"), tr("Remove the selected record"), this);
    QToolButton *import
        = button(tr("Import…"), tr("Add the records of a JSON file (same CEP: replaced)"), this);
    connect(add, &QToolButton::clicked, this, [this] {
        const int row = m_dataset->addRecord();
        if (row >= 0) {
            m_datasetView->setCurrentIndex(m_dataset->index(row, 0));
            m_datasetView->edit(m_dataset->index(row, 0));
        }
    });
    connect(remove, &QToolButton::clicked, this,
        [this] { m_dataset->removeRecord(m_datasetView->currentIndex().row()); });
    connect(import, &QToolButton::clicked, this, &MockPage::chooseImportFile);

    m_datasetBox = new QGroupBox(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addWidget(import);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(m_datasetBox);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_datasetView);
    return m_datasetBox;
}

QWidget *MockPage::buildFaultBox()
{
    m_faultView = new QTableView(this);
    m_faultView->setObjectName(u"faultView"_s);
    m_faultView->setModel(m_faults);
    m_faultView->setItemDelegate(new FaultRuleDelegate([this] { return m_mock->routeKeys(); }, m_faultView));
    styleTable(m_faultView);
    m_faultView->horizontalHeader()->setSectionResizeMode(FaultRulesModel::RouteColumn, QHeaderView::Stretch);
    m_faultView->horizontalHeader()->setStretchLastSection(false);
    for (int column = FaultRulesModel::KindColumn; column < FaultRulesModel::ColumnCount; ++column)
        m_faultView->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    QToolButton *add
        = button(tr("Add"), tr("Add a fault rule (an HTTP 500 on every route, to start with)"), this);
    QToolButton *remove = button(tr("Remove"), tr("Remove the selected rule"), this);
    connect(add, &QToolButton::clicked, this, [this] {
        FaultRule rule;
        rule.kind = FaultKind::Http500;
        const int row = m_faults->addRule(rule);
        m_faultView->setCurrentIndex(m_faults->index(row, FaultRulesModel::KindColumn));
    });
    connect(remove, &QToolButton::clicked, this,
        [this] { m_faults->removeRule(m_faultView->currentIndex().row()); });

    auto *box = new QGroupBox(tr("Fault rules — each fires with its probability on its route"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_faultView);
    return box;
}

QWidget *MockPage::buildLogBox()
{
    m_logView = new QTableView(this);
    m_logView->setObjectName(u"requestLogView"_s);
    m_logView->setModel(m_log);
    styleTable(m_logView);
    m_logView->horizontalHeader()->setStretchLastSection(false);
    for (int column = 0; column < RequestLogModel::ColumnCount; ++column)
        m_logView->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_logView->horizontalHeader()->setSectionResizeMode(RequestLogModel::PathColumn, QHeaderView::Stretch);
    // sized for a time before the first row arrives: sizing to contents would keep the header's width
    m_logView->horizontalHeader()->setSectionResizeMode(RequestLogModel::TimeColumn, QHeaderView::Fixed);
    m_logView->horizontalHeader()->resizeSection(
        RequestLogModel::TimeColumn, m_logView->fontMetrics().horizontalAdvance(u"00:00:00.000"_s) + 16);
    QToolButton *clear = button(tr("Clear"), tr("Forget the logged requests"), this);
    connect(clear, &QToolButton::clicked, this, [this] { m_mock->server()->log().clear(); });

    m_logDetails = new QPlainTextEdit(this);
    m_logDetails->setObjectName(u"requestLogDetails"_s);
    m_logDetails->setReadOnly(true);
    // a JSON body is often one long line: wrap it anywhere rather than scroll sideways
    m_logDetails->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_logDetails->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logDetails->setPlaceholderText(tr("Select a request to see what it sent and what it was answered"));
    connect(m_logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MockPage::showLogDetails);
    connect(m_log, &QAbstractItemModel::modelReset, this, &MockPage::showLogDetails);
    connect(m_log, &QAbstractItemModel::rowsRemoved, this, &MockPage::showLogDetails);

    auto *box = new QGroupBox(tr("Request log"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(clear);
    auto *split = new QSplitter(Qt::Vertical, box);
    split->addWidget(m_logView);
    split->addWidget(m_logDetails);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(split);
    return box;
}

void MockPage::showLogDetails()
{
    const QModelIndex current = m_logView->selectionModel()->currentIndex();
    if (!current.isValid() || current.row() >= m_log->rowCount()) {
        m_logDetails->clear();
        return;
    }
    m_logDetails->setPlainText(RequestLogModel::details(m_log->entry(current.row())));
}

void MockPage::startMock()
{
    const Status started = m_mock->start(quint16(m_portBox->value()));
    if (!started)
        Q_EMIT statusMessage(tr("The mock did not start: %1").arg(started.errorString()));
}

void MockPage::stopMock()
{
    m_mock->stop();
}

void MockPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateState();
}

void MockPage::updateState()
{
    MockServer *mock = m_mock->server();
    const bool listening = mock->isListening();
    if (listening) {
        m_state->setText(tr("%1 Listening on <b>%2</b>")
                             .arg(ThemeColors::span(ThemeColors::Status::Ok, palette(), u"●"_s),
                                 mock->baseUrl().toString().toHtmlEscaped()));
    } else {
        m_state->setText(tr("%1 Stopped — runs in an environment "
                            "whose ViaCEP URL is on 127.0.0.1 start it")
                             .arg(ThemeColors::span(ThemeColors::Status::Muted, palette(), u"●"_s)));
    }
    m_startButton->setText(listening ? tr("Stop") : tr("Start"));
    m_portBox->setEnabled(!listening);
    if (listening)
        m_portBox->setValue(mock->port());
    m_routes->setText(tr("Routes: %1").arg(m_mock->routeKeys().join(u"  ·  "_s)));
}

void MockPage::updateDatasetTitle()
{
    m_datasetBox->setTitle(tr("ViaCEP dataset — %n record(s)", nullptr, int(m_mock->dataset().size())));
    m_routes->setText(tr("Routes: %1").arg(m_mock->routeKeys().join(u"  ·  "_s)));
}

void MockPage::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import ViaCEP records"), {}, tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void MockPage::importFile(const QString &path)
{
    runOffThread(
        this, nullptr,
        [path]() -> std::pair<QByteArray, QString> {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return {{}, file.errorString()};
            if (file.size() > maxImportBytes)
                return {{}, u"the file is larger than 64 MB"_s};
            return {file.readAll(), {}};
        },
        [this, path](const std::pair<QByteArray, QString> &read) {
            QString message;
            bool ok = false;
            if (read.second.isEmpty()) {
                ViaCepDataset dataset = m_mock->dataset();
                const Result<qsizetype> imported = dataset.importJson(read.first);
                ok = imported.ok();
                if (ok) {
                    m_mock->setDataset(std::move(dataset));
                    message = tr("Imported %n record(s) from %1", nullptr, int(imported.value())).arg(path);
                } else {
                    message = tr("Import of %1 failed: %2").arg(path, imported.errorString());
                }
            } else {
                message = tr("Cannot read %1: %2").arg(path, read.second);
            }
            Q_EMIT statusMessage(message);
            Q_EMIT importFinished(ok, message);
        });
}

} // namespace jb
