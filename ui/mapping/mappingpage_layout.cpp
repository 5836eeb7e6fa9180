// The From-To page's widgets and how they are laid out.
#include "contractfieldmodel.h"
#include "elidedtooltip.h"
#include "mappingpage.h"
#include "mappingpreviewmodel.h"
#include "mappingrulesmodel.h"
#include "sourcefielddelegate.h"
#include "statustint.h"
#include "tablestyle.h"
#include "transformchaineditor.h"

#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QScrollArea>
#include <QSplitter>
#include <QStringListModel>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

void MappingPage::buildLayout()
{
    // the bar: which mapping, and what to do with it
    m_mappingBox = new QComboBox(this);
    m_mappingBox->setObjectName(u"mappingBox"_s);
    m_mappingBox->setMinimumContentsLength(28);
    m_mappingBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *newButton = new QToolButton(this);
    newButton->setText(u"New mapping…"_s);
    connect(newButton, &QToolButton::clicked, this, &MappingPage::newMapping);
    auto *importButton = new QToolButton(this);
    importButton->setText(u"Import contract…"_s);
    importButton->setToolTip(
        u"Create contracts from an example message, a table, an OpenAPI 3 document or a Postman collection"_s);
    connect(importButton, &QToolButton::clicked, this, &MappingPage::importContracts);
    m_deParaButton = new QToolButton(this);
    m_deParaButton->setText(u"De-Para"_s);
    m_deParaButton->setPopupMode(QToolButton::InstantPopup);
    auto *deParaMenu = new QMenu(m_deParaButton);
    connect(deParaMenu->addAction(u"Export as XLSX…"_s), &QAction::triggered, this,
        [this] { exportDePara(true); });
    connect(deParaMenu->addAction(u"Export as CSV…"_s), &QAction::triggered, this,
        [this] { exportDePara(false); });
    deParaMenu->addSeparator();
    connect(deParaMenu->addAction(u"Import rules from CSV…"_s), &QAction::triggered, this,
        &MappingPage::importDePara);
    m_deParaButton->setMenu(deParaMenu);
    for (QToolButton *button : {newButton, importButton, m_deParaButton})
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_status = new QLabel(this);
    m_status->setObjectName(u"mappingStatus"_s);

    auto *bar = new QHBoxLayout;
    bar->addWidget(heading(u"From-To"_s, this));
    bar->addWidget(m_mappingBox);
    bar->addWidget(newButton);
    bar->addWidget(importButton);
    bar->addWidget(m_deParaButton);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"mappingProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(
        u"QLabel { background: #FDECEA; color: #8A1C1C; padding: 6px; border-radius: 3px; }"_s);
    m_problem->hide();

    // the two panes and the rules between them
    const auto fieldTree = [this](ContractFieldModel *model, const QString &name) {
        auto *view = new QTreeView(this);
        view->setObjectName(name);
        view->setModel(model);
        view->setUniformRowHeights(true);
        view->setAlternatingRowColors(true);
        view->setRootIsDecorated(true);
        view->header()->setStretchLastSection(false);
        view->setIndentation(12); // nested fields still show their depth; names keep the room
        view->setTextElideMode(Qt::ElideMiddle);
        ElidedToolTip::install(view);
        view->header()->setSectionResizeMode(ContractFieldModel::NameColumn, QHeaderView::Stretch);
        view->header()->setSectionResizeMode(ContractFieldModel::TypeColumn, QHeaderView::ResizeToContents);
        view->header()->setSectionResizeMode(ContractFieldModel::StateColumn, QHeaderView::ResizeToContents);
        connect(model, &QAbstractItemModel::modelReset, view, &QTreeView::expandAll);
        return view;
    };
    m_providerView = fieldTree(m_providerFields, u"providerFields"_s);
    m_providerView->setDragEnabled(true);
    m_providerView->setDragDropMode(QAbstractItemView::DragOnly);
    m_providerView->setToolTip(u"Drag a provider field onto a consumer field to map it"_s);
    m_consumerView = fieldTree(m_consumerFields, u"consumerFields"_s);
    m_consumerView->setAcceptDrops(true);
    m_consumerView->setDragDropMode(QAbstractItemView::DropOnly);
    m_consumerView->setDropIndicatorShown(true);
    m_providerBox = new QGroupBox(u"Provider (A)"_s, this);
    (new QVBoxLayout(m_providerBox))->addWidget(m_providerView);
    m_consumerBox = new QGroupBox(u"Consumer (B)"_s, this);
    (new QVBoxLayout(m_consumerBox))->addWidget(m_consumerView);

    m_rulesView = new QTableView(this);
    m_rulesView->setObjectName(u"rulesView"_s);
    m_rulesView->setModel(m_rules);
    m_rulesView->setItemDelegateForColumn(
        MappingRulesModel::SourceColumn, new SourceFieldDelegate(m_rulesView));
    m_rulesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rulesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rulesView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
        | QAbstractItemView::EditKeyPressed);
    m_rulesView->setAlternatingRowColors(true);
    m_rulesView->verticalHeader()->hide();
    m_rulesView->verticalHeader()->setDefaultSectionSize(m_rulesView->fontMetrics().height() + 10);
    m_rulesView->setWordWrap(false); // one line per rule; the tooltip has the whole text
    m_rulesView->setTextElideMode(Qt::ElideMiddle);
    ElidedToolTip::install(m_rulesView);
    QHeaderView *header = m_rulesView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true); // the preview takes what is left
    header->setMinimumSectionSize(48);
    // field names and transform chains sized to what they hold (within bounds), on every change
    const auto fit = [this] { TableStyle::fitColumns(m_rulesView, 230); };
    connect(m_rules, &QAbstractItemModel::modelReset, m_rulesView, fit);
    connect(m_rules, &QAbstractItemModel::layoutChanged, m_rulesView, fit);
    connect(m_rules, &QAbstractItemModel::rowsInserted, m_rulesView, fit);
    connect(m_rules, &QAbstractItemModel::dataChanged, m_rulesView, fit);
    fit();
    // Delete on a rule unmaps its field (the editor, when open, keeps its own keys)
    auto *unmap = new QAction(u"Unmap"_s, m_rulesView);
    unmap->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    unmap->setShortcutContext(Qt::WidgetShortcut);
    connect(
        unmap, &QAction::triggered, this, [this] { m_rules->removeRule(m_rulesView->currentIndex().row()); });
    m_rulesView->addAction(unmap);
    m_rulesView->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_chain = new TransformChainEditor(this);
    m_chain->setObjectName(u"chainEditor"_s);
    auto *chainScroll = new QScrollArea(this);
    chainScroll->setWidget(m_chain);
    chainScroll->setWidgetResizable(true);
    chainScroll->setFrameShape(QFrame::NoFrame);

    auto *center = new QSplitter(Qt::Vertical, this);
    center->addWidget(m_rulesView);
    center->addWidget(chainScroll);
    center->setStretchFactor(0, 3);
    center->setStretchFactor(1, 2);

    auto *panes = new QSplitter(Qt::Horizontal, this);
    panes->setObjectName(u"mappingPanes"_s);
    panes->addWidget(m_providerBox);
    panes->addWidget(center);
    panes->addWidget(m_consumerBox);
    panes->setStretchFactor(0, 2);
    panes->setStretchFactor(1, 5);
    panes->setStretchFactor(2, 2);
    panes->setSizes({300, 640, 300});

    // the preview and the consumer rules' problems
    m_sampleSource = new QComboBox(this);
    m_sampleSource->setObjectName(u"sampleSource"_s);
    m_sampleSource->addItem(u"Provider's example messages"_s);
    m_sampleSource->addItem(u"Rows from the provider database"_s);
    m_reload = new QToolButton(this);
    m_reload->setText(u"Reload"_s);
    m_reload->setToolTip(u"Read the rows again"_s);
    m_previewSummary = new QLabel(this);
    m_previewSummary->setObjectName(u"previewSummary"_s);
    m_previewView = new QTableView(this);
    m_previewView->setObjectName(u"previewView"_s);
    m_previewView->setModel(m_previewModel);
    m_previewView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_previewView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_previewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewView->setWordWrap(false);
    m_previewView->setTextElideMode(Qt::ElideMiddle);
    m_previewView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_previewView->horizontalHeader()->setDefaultSectionSize(170);
    m_previewView->horizontalHeader()->setStretchLastSection(true);
    m_previewView->verticalHeader()->setDefaultSectionSize(m_previewView->fontMetrics().height() + 8);
    connect(m_previewModel, &QAbstractItemModel::modelReset, m_previewView, [this] {
        // wide enough to read, never so wide that one long address hides the other fields
        m_previewView->resizeColumnsToContents();
        for (int column = 0; column < m_previewModel->columnCount(); ++column)
            m_previewView->setColumnWidth(column, std::clamp(m_previewView->columnWidth(column), 70, 280));
    });

    auto *previewBar = new QHBoxLayout;
    previewBar->addWidget(heading(u"Preview"_s, this));
    previewBar->addWidget(m_sampleSource);
    previewBar->addWidget(m_reload);
    previewBar->addSpacing(8);
    previewBar->addWidget(m_previewSummary, 1);
    auto *previewBox = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addLayout(previewBar);
    previewLayout->addWidget(m_previewView, 1);
    // the current cell in full: the rule error with its pattern and the value it refused, which a
    // cell can only show cut short
    m_previewDetail = new QLabel(this);
    m_previewDetail->setObjectName(u"previewDetail"_s);
    m_previewDetail->setWordWrap(true);
    m_previewDetail->setTextFormat(Qt::PlainText);
    m_previewDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    previewLayout->addWidget(m_previewDetail);
    const auto showDetail = [this] {
        const QModelIndex current = m_previewView->currentIndex();
        m_previewDetail->setText(current.isValid() ? current.data(Qt::ToolTipRole).toString() : QString());
        m_previewDetail->setVisible(current.isValid());
    };
    connect(
        m_previewView->selectionModel(), &QItemSelectionModel::currentChanged, m_previewDetail, showDetail);
    connect(m_previewModel, &QAbstractItemModel::modelReset, m_previewDetail, showDetail);
    showDetail();

    m_gapsView = new QListView(this);
    m_gapsView->setObjectName(u"gapsView"_s);
    m_gapsView->setModel(m_gaps);
    m_gapsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gapsView->setToolTip(
        u"Required consumer fields with no source (the consumer rules). Double-click to choose one."_s);
    m_unusedView = new QListView(this);
    m_unusedView->setObjectName(u"unusedView"_s);
    m_unusedView->setModel(m_unused);
    m_unusedView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *issues = new QWidget(this);
    auto *issuesLayout = new QVBoxLayout(issues);
    issuesLayout->setContentsMargins(0, 0, 0, 0);
    // an empty list says so in words, not with a blank box
    const auto emptyNote = [this](QListView *view, const QString &text) {
        auto *note = new QLabel(text, this);
        note->setWordWrap(true);
        StatusTint::apply(note, ThemeColors::Status::Ok);
        const auto update = [view, note] {
            const bool empty = view->model()->rowCount() == 0;
            note->setVisible(empty);
            view->setVisible(!empty);
        };
        connect(view->model(), &QAbstractItemModel::modelReset, note, update);
        connect(view->model(), &QAbstractItemModel::rowsInserted, note, update);
        connect(view->model(), &QAbstractItemModel::rowsRemoved, note, update);
        update();
        return note;
    };
    issuesLayout->addWidget(heading(u"Gaps (required, no source)"_s, this));
    issuesLayout->addWidget(emptyNote(m_gapsView, u"✓ None: every required consumer field has a source."_s));
    issuesLayout->addWidget(m_gapsView, 1);
    issuesLayout->addWidget(heading(u"Unused provider fields"_s, this));
    issuesLayout->addWidget(emptyNote(m_unusedView, u"✓ None: every provider field is used."_s));
    issuesLayout->addWidget(m_unusedView, 1);
    issuesLayout->addStretch();

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(previewBox);
    bottom->addWidget(issues);
    bottom->setStretchFactor(0, 4);
    bottom->setStretchFactor(1, 1);
    bottom->setSizes({900, 280});

    auto *outer = new QSplitter(Qt::Vertical, this);
    outer->addWidget(panes);
    outer->addWidget(bottom);
    outer->setStretchFactor(0, 3);
    outer->setStretchFactor(1, 2);
    outer->setSizes({460, 300});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_problem);
    layout->addWidget(outer, 1);
}

} // namespace jb
