#include "checklistpanel.h"

#include "checklistdelegate.h"
#include "checklistevidenceproxy.h"
#include "checklistevidencetracker.h"
#include "checklistmodel.h"
#include "documenteditor.h"
#include "icons.h"
#include "projectdocument.h"
#include "signoffdialog.h"
#include "tablestyle.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

ChecklistPanel::ChecklistPanel(DocumentEditor *editor, Phase phase, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_phase(phase)
    , m_model(new ChecklistModel(editor, phase, this))
    , m_viewModel(new ChecklistEvidenceProxy(phase, ChecklistModel::ItemIdRole, this))
    , m_view(new QTableView(this))
    , m_signOff(new QPushButton(Icons::icon(Icons::Glyph::Signoff), u"&Sign Off…"_s, this))
    , m_clearSignoff(new QPushButton(u"C&lear Sign-off"_s, this))
    , m_addItem(new QPushButton(Icons::icon(Icons::Glyph::Add), u"Add &Item…"_s, this))
    , m_removeItem(new QPushButton(Icons::icon(Icons::Glyph::Remove), u"Remove Item"_s, this))
    , m_phaseSignOff(new QPushButton(this))
    , m_phaseState(new QLabel(this))
{
    m_viewModel->setSourceModel(m_model);
    m_view->setModel(m_viewModel);
    auto *delegate = new ChecklistDelegate(m_view);
    m_view->setItemDelegate(delegate);
    TableStyle::apply(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    m_view->viewport()->installEventFilter(this); // its width decides the title column's

    m_signOff->setToolTip(u"Sign the selected item off: who, when and a comment"_s);
    m_phaseState->setTextFormat(Qt::RichText);
    m_phaseState->setObjectName(u"phaseState"_s);
    m_phaseSignOff->setObjectName(u"phaseSignOff"_s);
    m_signOff->setObjectName(u"signOff"_s);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    for (QPushButton *button : {m_signOff, m_clearSignoff, m_addItem, m_removeItem})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(m_phaseState);
    buttons->addWidget(m_phaseSignOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_signOff, &QPushButton::clicked, this, &ChecklistPanel::signOffItem);
    connect(m_clearSignoff, &QPushButton::clicked, this, [this] {
        const int row = m_view->currentIndex().row();
        if (row >= 0)
            m_model->clearSignoff(row);
    });
    connect(m_addItem, &QPushButton::clicked, this, &ChecklistPanel::addItem);
    connect(m_removeItem, &QPushButton::clicked, this, [this] {
        const int row = m_view->currentIndex().row();
        if (row >= 0 && m_model->item(row).custom)
            m_model->removeCustomItem(row);
    });
    connect(m_phaseSignOff, &QPushButton::clicked, this, [this] {
        if (Checklist::phaseSignoff(m_editor->document()->manifest(), m_phase).isSigned())
            clearPhaseSignoff();
        else
            signOffPhase();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ChecklistPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChecklistPanel::updateRowHeights);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChecklistPanel::updateRowHeights);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChecklistPanel::updateRowHeights);
    updateRowHeights();
    connect(m_viewModel, &QAbstractItemModel::modelReset, this, &ChecklistPanel::updateColumns);
    connect(m_viewModel, &QAbstractItemModel::rowsInserted, this, &ChecklistPanel::updateColumns);
    connect(m_viewModel, &QAbstractItemModel::rowsRemoved, this, &ChecklistPanel::updateColumns);
    connect(m_viewModel, &QAbstractItemModel::dataChanged, this, &ChecklistPanel::updateColumns);
    updateColumns();
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ChecklistPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChecklistPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChecklistPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChecklistPanel::updateButtons);
    connect(m_editor->document(), &ProjectDocument::manifestChanged, this, &ChecklistPanel::updateButtons);
    connect(m_editor->document(), &ProjectDocument::wasReset, this, &ChecklistPanel::updateButtons);
    updateButtons();

    connect(delegate, &ChecklistDelegate::evidenceClicked, this, &ChecklistPanel::requestEvidence);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.column() == ChecklistModel::TitleColumn)
            requestEvidence(index);
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ChecklistPanel::showContextMenu);
    const QList<ChecklistEvidence::ItemKey> evidenced = ChecklistEvidence::evidencedItems();
    if (std::any_of(evidenced.cbegin(), evidenced.cend(),
            [phase](const ChecklistEvidence::ItemKey &key) { return key.phase == phase; })) {
        m_evidence = new ChecklistEvidenceTracker(editor->document(), this);
        connect(m_evidence, &ChecklistEvidenceTracker::evidenceChanged, this, [this] {
            m_viewModel->setEvidence(m_evidence->items(), m_evidence->folder(), m_evidence->environment());
        });
        // another project's evidence never shows, not even until this one's is read
        connect(m_editor->document(), &ProjectDocument::wasReset, m_viewModel,
            &ChecklistEvidenceProxy::clearEvidence);
    }
}

void ChecklistPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // a run on the other phase's page, or journeybench-cli check, may have added evidence since
    if (m_evidence && m_editor->document()->hasFolder())
        m_evidence->reload();
}

void ChecklistPanel::requestEvidence(const QModelIndex &index)
{
    if (index.isValid() && index.data(ChecklistEvidenceProxy::EvidencedRole).toBool())
        Q_EMIT evidenceRequested(index.data(ChecklistModel::ItemIdRole).toString());
}

bool ChecklistPanel::openEvidenceFile(int row)
{
    const QString path = m_viewModel->index(row, 0).data(ChecklistEvidenceProxy::EvidencePathRole).toString();
    return !path.isEmpty() && QFileInfo::exists(path) && QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

void ChecklistPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid() || !index.data(ChecklistEvidenceProxy::EvidencedRole).toBool())
        return;
    const int row = index.row();
    const QString path = index.data(ChecklistEvidenceProxy::EvidencePathRole).toString();
    QMenu menu(this);
    menu.addAction(u"Show Connectivity Tests"_s, this,
        [this, index = QPersistentModelIndex(index)] { requestEvidence(index); });
    QAction *open = menu.addAction(u"Open Evidence File"_s, this, [this, row] { openEvidenceFile(row); });
    open->setEnabled(!path.isEmpty());
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void ChecklistPanel::updateRowHeights()
{
    // an item with probe evidence has a second line; the others keep the table's one-line rows
    QHeaderView *rows = m_view->verticalHeader();
    const int tall = ChecklistDelegate::evidenceRowHeight(m_view);
    for (int row = 0; row < m_viewModel->rowCount(); ++row) {
        const bool evidenced
            = m_viewModel->index(row, 0).data(ChecklistEvidenceProxy::EvidencedRole).toBool();
        rows->resizeSection(row, evidenced ? tall : rows->defaultSectionSize());
    }
    fitHeight();
}

bool ChecklistPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        updateColumns();
    return QWidget::eventFilter(watched, event);
}

void ChecklistPanel::updateColumns()
{
    // The other columns take what their contents need, within bounds (longer values elide, the
    // whole in the tooltip); the title takes the rest of the width and never less than its longest
    // item: a narrow or scaled window scrolls the table sideways instead of cutting every title
    // down to "VPN …".
    static constexpr int caps[ChecklistModel::ColumnCount] = {0, 130, 150, 170, 200};
    QHeaderView *header = m_view->horizontalHeader();
    const QAbstractItemView *view = m_view; // QTableView hides the size hint its base makes public
    int others = 0;
    for (int column = ChecklistModel::StatusColumn; column < ChecklistModel::ColumnCount; ++column) {
        const int content = std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
        const int width = std::clamp(content, header->minimumSectionSize(), caps[column]);
        header->resizeSection(column, width);
        others += width;
    }
    const int longest = std::max(view->sizeHintForColumn(ChecklistModel::TitleColumn),
        header->sectionSizeHint(ChecklistModel::TitleColumn));
    header->resizeSection(
        ChecklistModel::TitleColumn, std::max(longest, m_view->viewport()->width() - others));
}

void ChecklistPanel::setCompact(bool compact)
{
    m_compact = compact;
    fitHeight();
}

void ChecklistPanel::fitHeight()
{
    // every item in sight (up to eight, or all when compact): the checklist is the point of the page
    const int rows = m_compact ? std::max(m_model->rowCount(), 1) : std::clamp(m_model->rowCount(), 3, 8);
    int itemsHeight = 0;
    for (int row = 0; row < rows; ++row)
        itemsHeight += row < m_model->rowCount() ? m_view->rowHeight(row)
                                                 : m_view->verticalHeader()->defaultSectionSize();
    const int height
        = m_view->horizontalHeader()->sizeHint().height() + itemsHeight + 2 * m_view->frameWidth();
    m_view->setMinimumHeight(height);
    m_view->setMaximumHeight(m_compact ? height : QWIDGETSIZE_MAX);
    // as a floor the enclosing layouts must keep: a word-wrapped neighbour asks for more height
    // than its size hint says once narrow, and the buttons would be laid over the items
    setMinimumHeight(layout() ? layout()->minimumSize().height() : 0);
}

QString ChecklistPanel::defaultSigner() const
{
    return SignoffDialog::defaultSigner(m_editor->document()->manifest().value(u"owner"_s).toString());
}

void ChecklistPanel::signOffItem()
{
    const int row = m_view->currentIndex().row();
    if (row < 0)
        return;
    const ChecklistItem item = m_model->item(row);
    SignoffDialog dialog(item.title, defaultSigner(), Checklist::openItems({item}), this);
    if (dialog.exec() == QDialog::Accepted)
        m_model->signOff(row, dialog.signoff());
}

void ChecklistPanel::signOffPhase()
{
    const PhaseInfo &info = Phases::info(m_phase);
    QList<ChecklistItem> items;
    for (int row = 0; row < m_model->rowCount(); ++row)
        items.append(m_model->item(row));
    SignoffDialog dialog(u"Phase %1 — %2"_s.arg(Phases::number(m_phase)).arg(info.title), defaultSigner(),
        Checklist::openItems(items), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QJsonObject manifest = m_editor->document()->manifest();
    m_editor->setManifest(Checklist::withPhaseSignoff(manifest, m_phase, dialog.signoff()),
        u"Sign off phase %1"_s.arg(info.title));
}

void ChecklistPanel::clearPhaseSignoff()
{
    const QJsonObject manifest = m_editor->document()->manifest();
    m_editor->setManifest(Checklist::withPhaseSignoff(manifest, m_phase, Signoff()),
        u"Clear the sign-off of phase %1"_s.arg(Phases::info(m_phase).title));
}

void ChecklistPanel::addItem()
{
    bool ok = false;
    const QString title = QInputDialog::getText(
        this, u"Add Checklist Item"_s, u"What must be done:"_s, QLineEdit::Normal, QString(), &ok);
    if (!ok || title.trimmed().isEmpty())
        return;
    const int row = m_model->addCustomItem(title.trimmed());
    if (row >= 0)
        m_view->setCurrentIndex(
            m_viewModel->mapFromSource(m_model->index(row, ChecklistModel::StatusColumn)));
}

void ChecklistPanel::updateButtons()
{
    const int row = m_view->currentIndex().row();
    const bool valid = row >= 0 && row < m_model->rowCount();
    const ChecklistItem item = valid ? m_model->item(row) : ChecklistItem();
    const bool hasProject = m_editor->document()->hasFolder();
    m_signOff->setEnabled(valid && hasProject);
    m_clearSignoff->setEnabled(valid && item.signoff.isSigned());
    m_addItem->setEnabled(hasProject);
    m_removeItem->setEnabled(valid && item.custom);

    const Signoff phase = Checklist::phaseSignoff(m_editor->document()->manifest(), m_phase);
    if (phase.isSigned()) {
        const QDateTime at = QDateTime::fromString(phase.at, Qt::ISODate);
        QString text = u"Phase signed off by <b>%1</b> on %2"_s.arg(phase.by.toHtmlEscaped(),
            at.isValid() ? at.date().toString(Qt::ISODate) : phase.at.toHtmlEscaped());
        if (phase.isOverride()) // the override is shown with the sign-off, never hidden in a tooltip only
            text += u" — <b>with %1 open</b>: %2"_s.arg(
                phase.openItems.size() == 1 ? u"1 item"_s : u"%1 items"_s.arg(phase.openItems.size()),
                phase.overrideReason.toHtmlEscaped());
        m_phaseState->setText(text);
        QStringList tip{phase.comment, phase.overrideNote()};
        tip.removeAll(QString());
        m_phaseState->setToolTip(tip.join(u'\n'));
        m_phaseSignOff->setText(u"Clear &Phase Sign-off"_s);
        m_phaseSignOff->setIcon(QIcon());
    } else {
        m_phaseState->clear();
        m_phaseState->setToolTip(QString());
        m_phaseSignOff->setText(u"Sign Off &Phase…"_s);
        m_phaseSignOff->setIcon(Icons::icon(Icons::Glyph::Signoff));
    }
    m_phaseSignOff->setEnabled(hasProject);
}

} // namespace jb
