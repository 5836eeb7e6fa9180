// The pipe page's widgets and how they sit; pipespage.cpp has what they do.
#include "environmentbox.h"
#include "payloadpanel.h"
#include "pipeflowmodel.h"
#include "pipespage.h"
#include "pipetracemodel.h"
#include "statustint.h"
#include "stepcarddelegate.h"
#include "stepsettingseditor.h"
#include "steptimingchart.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

void PipesPage::buildLayout()
{
    m_pipeBox = new QComboBox(this);
    m_pipeBox->setObjectName(u"pipeBox"_s);
    m_pipeBox->setMinimumContentsLength(28);
    m_pipeBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_environmentPicker = new EnvironmentBox(m_editor, this);
    m_environmentBox = m_environmentPicker->combo();
    m_environmentBox->setObjectName(u"environmentBox"_s);
    m_environmentBox->setToolTip(tr("The environment whose variables the runs see"));
    m_serveButton = new QToolButton(this);
    m_serveButton->setObjectName(u"serveButton"_s);
    m_serveButton->setCheckable(true);
    m_serveButton->setText(tr("Serve"));
    m_serveButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_serveButton->setToolTip(tr("Host every REST pipe of the project, and its mocks, on 127.0.0.1"));
    m_serveAddress = new QLabel(tr("REST pipes not served"), this);
    m_serveAddress->setObjectName(u"serveAddress"_s);
    m_serveAddress->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_serveAddress->setOpenExternalLinks(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Pipe"), this));
    bar->addWidget(m_pipeBox, 2);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Environment"), this));
    bar->addWidget(m_environmentPicker);
    bar->addStretch(1);
    bar->addWidget(m_serveButton);
    bar->addWidget(m_serveAddress);

    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    StatusTint::apply(m_problems, ThemeColors::Status::Error);
    m_problems->hide();

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(buildFlowSide());
    split->addWidget(buildRunSide());
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 6);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_description);
    layout->addWidget(m_problems);
    layout->addWidget(split, 1);
    updateServe();
}

QWidget *PipesPage::buildFlowSide()
{
    m_flowView = new QListView(this);
    m_flowView->setObjectName(u"flowView"_s);
    m_flowView->setModel(m_flow);
    m_flowView->setItemDelegate(new StepCardDelegate(m_flowView));
    m_flowView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_flowView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_flowView->setUniformItemSizes(false);
    m_flowView->setSpacing(1);
    m_settings = new StepSettingsEditor(this);

    auto *flowBox = new QGroupBox(tr("Flow"), this);
    auto *flowLayout = new QVBoxLayout(flowBox);
    flowLayout->setContentsMargins(4, 4, 4, 4);
    flowLayout->addWidget(m_flowView);
    auto *settingsBox = new QGroupBox(tr("Settings of the selected card"), this);
    auto *settingsLayout = new QVBoxLayout(settingsBox);
    settingsLayout->setContentsMargins(4, 4, 4, 4);
    settingsLayout->addWidget(m_settings);

    auto *side = new QSplitter(Qt::Vertical, this);
    side->addWidget(flowBox);
    side->addWidget(settingsBox);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);
    side->setChildrenCollapsible(false);
    return side;
}

QWidget *PipesPage::buildRunSide()
{
    m_payload = new PayloadPanel(m_editor, this);
    m_runButton = new QPushButton(tr("Run"), this);
    m_runButton->setObjectName(u"runButton"_s);
    m_runButton->setDefault(true);
    m_runButton->setToolTip(tr("Run the pipe once with this payload (Ctrl+Return)"));
    m_runButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_resultStatus = new QLabel(tr("Not run yet"), this);
    m_resultStatus->setObjectName(u"resultStatus"_s);
    m_resultStatus->setWordWrap(true);
    m_resultStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resultBody = new QPlainTextEdit(this);
    m_resultBody->setObjectName(u"resultBody"_s);
    m_resultBody->setReadOnly(true);
    m_resultBody->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_resultBody->setPlaceholderText(tr("The answer's body"));

    // both editors take the room the splitter gives, not their 192-pixel size hint
    // (at least 6 lines of payload and 3 of answer: a JSON request must be readable without scrolling)
    const int line = QFontMetrics(QFontDatabase::systemFont(QFontDatabase::FixedFont)).lineSpacing();
    m_payload->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_payload->setMinimumHeight(6 * line + 40);
    m_resultBody->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_resultBody->setMinimumHeight(3 * line + 12);
    auto *runBox = new QGroupBox(tr("Run"), this);
    auto *runLayout = new QVBoxLayout(runBox);
    runLayout->setContentsMargins(4, 4, 4, 4);
    runLayout->addWidget(m_payload, 1);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_resultStatus, 1);
    runLayout->addLayout(runRow);
    runLayout->addWidget(m_resultBody, 1);

    m_traceView = new QTreeView(this);
    m_traceView->setObjectName(u"traceView"_s);
    m_traceView->setModel(m_trace);
    m_traceView->setAlternatingRowColors(true);
    m_traceView->setUniformRowHeights(true);
    m_traceView->setTextElideMode(Qt::ElideRight);
    m_traceView->header()->setStretchLastSection(false);
    m_traceView->header()->setSectionResizeMode(PipeTraceModel::StepColumn, QHeaderView::Stretch);
    for (int column :
        {PipeTraceModel::TypeColumn, PipeTraceModel::StatusColumn, PipeTraceModel::DurationColumn})
        m_traceView->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_trace, &QAbstractItemModel::rowsInserted, m_traceView,
        [this](const QModelIndex &parent, int first, int last) {
            for (int row = first; row <= last; ++row) {
                for (int child = 0; child < m_trace->rowCount(m_trace->index(row, 0, parent)); ++child)
                    m_traceView->setFirstColumnSpanned(child, m_trace->index(row, 0, parent), true);
            }
        });
    m_traceDetail = new QPlainTextEdit(this);
    m_traceDetail->setObjectName(u"traceDetail"_s);
    m_traceDetail->setReadOnly(true);
    m_traceDetail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_traceDetail->setPlaceholderText(tr("Select a step or one of its messages to read it whole"));
    auto *traceSplit = new QSplitter(Qt::Horizontal, this);
    traceSplit->addWidget(m_traceView);
    traceSplit->addWidget(m_traceDetail);
    traceSplit->setStretchFactor(0, 3);
    traceSplit->setStretchFactor(1, 2);

    m_chart = new StepTimingChart(m_trace, PipeTraceModel::StepColumn, PipeTraceModel::DurationColumn, this);
    m_chart->setObjectName(u"timingChart"_s);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"outputTabs"_s);
    m_tabs->addTab(traceSplit, tr("Trace"));
    m_tabs->addTab(m_chart, tr("Step timings"));

    auto *side = new QSplitter(Qt::Vertical, this);
    side->addWidget(runBox);
    side->addWidget(m_tabs);
    side->setStretchFactor(0, 2);
    side->setStretchFactor(1, 3);
    side->setChildrenCollapsible(false);
    return side;
}

} // namespace jb
