#include "entitypanel.h"

#include "documenteditor.h"
#include "entityfilterproxy.h"
#include "entitytablemodel.h"
#include "fielddelegate.h"
#include "icons.h"
#include "longtexteditor.h"
#include "objectlistpanel.h"
#include "panelaction.h"
#include "projectdocument.h"
#include "renameoffer.h"
#include "tablestyle.h"
#include "wording.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString inSentence(const QString &label)
{
    return Wording::inSentence(label);
}

QLabel *captionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

EntityPanel::EntityPanel(DocumentEditor *editor, const KindSpec &kind, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_kind(kind)
    , m_model(new EntityTableModel(editor, kind.kind, this))
    , m_proxy(new EntityFilterProxy(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_summaryTimer(new QTimer(this))
{
    const QString noun = rowNoun();
    m_add = panelAction(this, Icons::Glyph::Add, u"Add %1"_s.arg(noun), QKeySequence(Qt::Key_Insert));
    m_duplicate
        = panelAction(this, Icons::Glyph::Duplicate, u"Duplicate"_s, QKeySequence(Qt::CTRL | Qt::Key_D));
    m_remove = panelAction(this, Icons::Glyph::Remove, u"Remove"_s, QKeySequence::Delete);
    connect(m_add, &QAction::triggered, this, &EntityPanel::addRow);
    connect(m_model, &EntityTableModel::nameEdited, new RenameOffer(editor, kind.kind, this),
        &RenameOffer::offer);
    connect(m_duplicate, &QAction::triggered, this, &EntityPanel::duplicateRow);
    connect(m_remove, &QAction::triggered, this, &EntityPanel::removeRows);
    m_view->addActions({m_add, m_duplicate, m_remove});

    m_filter->setPlaceholderText(u"Filter: words, key:value, !problems"_s);
    m_filter->setToolTip(u"Every word must appear in the row. \"ip:10.0\" looks in one column only; "
                         u"\"!problems\" keeps the rows with invalid values."_s);
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(Icons::icon(Icons::Glyph::Search), QLineEdit::LeadingPosition);
    m_filter->setMaximumWidth(380);
    m_filter->setMinimumWidth(300);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateSummary();
    });

    auto *toolbar = new QHBoxLayout;
    toolbar->setContentsMargins(0, 0, 0, 0);
    toolbar->setSpacing(2);
    for (QAction *action : {m_add, m_duplicate, m_remove})
        toolbar->addWidget(Icons::toolButton(action, true));
    toolbar->addSpacing(12);
    toolbar->addWidget(m_count);
    toolbar->addStretch(1);
    toolbar->addWidget(m_filter);

    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new FieldDelegate(kind.fields, m_view));
    TableStyle::apply(m_view);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true); // unsorted (file order) until a header is clicked
    m_view->horizontalHeader()->setSortIndicatorShown(true);

    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);
    if (QWidget *details = buildDetails()) {
        m_splitter->addWidget(details);
        m_splitter->setStretchFactor(0, 3);
        m_splitter->setStretchFactor(1, 2);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(toolbar);
    layout->addWidget(m_splitter, 1);

    m_summaryTimer->setSingleShot(true);
    m_summaryTimer->setInterval(0);
    connect(m_summaryTimer, &QTimer::timeout, this, &EntityPanel::updateSummary);
    auto later = [this] { m_summaryTimer->start(); };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &, const QModelIndex &) { followCurrent(); });
    connect(
        m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateActions(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        TableStyle::fitColumns(m_view);
        if (m_proxy->rowCount() > 0)
            m_view->setCurrentIndex(m_proxy->index(0, 0));
        followCurrent();
        m_summaryTimer->start();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, later);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] {
        followCurrent();
        m_summaryTimer->start();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            const int row = currentRow();
            if (row >= topLeft.row() && row <= bottomRight.row())
                followCurrent();
            m_summaryTimer->start();
        });
    TableStyle::fitColumns(m_view);
    followCurrent();
    updateSummary();
}

QWidget *EntityPanel::buildDetails()
{
    QList<FieldSpec> longTexts;
    for (const FieldSpec &field : m_kind.fields) {
        if (field.type == FieldType::LongText)
            longTexts.append(field);
    }
    const QList<FieldSpec> lists = m_kind.objectListFields();
    if (lists.isEmpty() && longTexts.isEmpty())
        return nullptr;

    auto *details = new QWidget(m_splitter);
    auto *layout = new QVBoxLayout(details);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(4);
    m_detailsTitle = captionLabel(QString(), details);
    layout->addWidget(m_detailsTitle);
    auto *split = new QSplitter(Qt::Horizontal, details);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    auto group = [&](const QList<QPair<QString, QWidget *>> &pages) -> QWidget * {
        if (pages.size() > 1) {
            auto *tabs = new QTabWidget(split);
            tabs->setDocumentMode(true);
            for (const auto &[title, page] : pages)
                tabs->addTab(page, title);
            return tabs;
        }
        auto *box = new QWidget(split);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->setSpacing(2);
        auto *label = new QLabel(pages.first().first, box);
        label->setBuddy(pages.first().second);
        boxLayout->addWidget(label);
        boxLayout->addWidget(pages.first().second, 1);
        return box;
    };

    if (!lists.isEmpty()) {
        QList<QPair<QString, QWidget *>> pages;
        for (const FieldSpec &list : lists) {
            auto *panel = new ObjectListPanel(m_editor, m_kind.kind, list, details);
            m_lists.append(panel);
            pages.append({list.label, panel});
        }
        split->addWidget(group(pages));
    }
    if (!longTexts.isEmpty()) {
        QList<QPair<QString, QWidget *>> pages;
        for (const FieldSpec &field : std::as_const(longTexts)) {
            auto *text = new LongTextEditor(details);
            text->setPlaceholderText(field.hint.isEmpty()
                    ? u"%1 of the selected %2"_s.arg(field.label, inSentence(m_kind.singular))
                    : field.hint);
            const QString key = field.key;
            connect(text, &LongTextEditor::committed, this, [this, key](const QString &value) {
                const int row = m_editor->document()->rowOf(m_kind.kind, m_currentId);
                if (row >= 0)
                    m_editor->setField(m_kind.kind, row, key,
                        value.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(value));
            });
            m_longTexts.append({key, text});
            pages.append({field.label, text});
        }
        split->addWidget(group(pages));
    }
    if (split->count() == 2) {
        split->setStretchFactor(0, 3);
        split->setStretchFactor(1, 2);
    }
    return details;
}

int EntityPanel::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

QString EntityPanel::currentId() const
{
    const int row = currentRow();
    return row < 0 ? QString() : m_model->index(row, 0).data(EntityTableModel::EntityIdRole).toString();
}

void EntityPanel::selectRow(int modelRow)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(modelRow, 0));
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void EntityPanel::followCurrent()
{
    const QString id = currentId();
    if (id != m_currentId) {
        for (const auto &[key, text] : std::as_const(m_longTexts))
            text->commit(); // what was typed belongs to the entity it was typed for
        m_currentId = id;
    }
    for (ObjectListPanel *list : std::as_const(m_lists))
        list->setEntity(id);
    showLongTexts();
    updateActions();
}

void EntityPanel::showLongTexts()
{
    const int row = currentRow();
    if (m_detailsTitle) {
        const QString name = row < 0
            ? QString()
            : m_model->index(row, std::max(0, m_model->columnOf(u"name"_s))).data(Qt::DisplayRole).toString();
        m_detailsTitle->setText(row < 0
                ? u"Select %1 to see its details"_s.arg(Wording::withArticle(inSentence(m_kind.singular)))
                : u"%1 — %2"_s.arg(m_kind.singular, name.isEmpty() ? m_currentId : name));
    }
    const QJsonObject data = row < 0 ? QJsonObject() : m_editor->document()->at(m_kind.kind, row).data;
    for (const auto &[key, text] : std::as_const(m_longTexts)) {
        text->setEnabled(row >= 0);
        text->showText(data.value(key).toString());
    }
}

QList<int> EntityPanel::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    if (rows.isEmpty() && currentRow() >= 0)
        rows.append(currentRow());
    return rows;
}

int EntityPanel::problemRowCount() const
{
    int count = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(EntityTableModel::RowProblemCountRole).toInt() > 0)
            ++count;
    }
    return count;
}

QString EntityPanel::rowNoun() const
{
    return inSentence(m_kind.singular);
}

QAbstractItemView *EntityPanel::rowView() const
{
    return m_view;
}

bool EntityPanel::canAddRow() const
{
    return m_editor->document()->hasFolder();
}

bool EntityPanel::canDuplicateRow() const
{
    return currentRow() >= 0;
}

bool EntityPanel::canRemoveRows() const
{
    return !selectedRows().isEmpty();
}

void EntityPanel::addRow()
{
    if (!canAddRow())
        return;
    const int row = m_editor->addEntity(m_kind.kind);
    if (!m_proxy->mapFromSource(m_model->index(row, 0)).isValid())
        m_filter->clear(); // a new entity is never hidden by the filter
    const QModelIndex index
        = m_proxy->mapFromSource(m_model->index(row, std::max(0, m_model->columnOf(u"name"_s))));
    m_view->setFocus();
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->edit(index);
}

void EntityPanel::duplicateRow()
{
    const int row = currentRow();
    if (row < 0)
        return;
    selectRow(m_editor->duplicateEntity(m_kind.kind, row));
}

void EntityPanel::removeRows()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    const int proxyRow = m_view->currentIndex().row();
    m_editor->removeEntities(m_kind.kind, rows);
    if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(std::clamp(proxyRow, 0, m_proxy->rowCount() - 1), 0));
}

void EntityPanel::updateActions()
{
    m_add->setEnabled(canAddRow());
    m_duplicate->setEnabled(canDuplicateRow());
    m_remove->setEnabled(canRemoveRows());
}

void EntityPanel::updateSummary()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const int problems = problemRowCount();
    const QString noun = total == 1 ? inSentence(m_kind.singular) : inSentence(m_kind.plural);
    QString text = shown == total
        ? Wording::count(total, inSentence(m_kind.singular), inSentence(m_kind.plural))
        : u"%1 of %2 %3 shown"_s.arg(shown).arg(total).arg(noun);
    if (problems > 0)
        text += u"  ·  <span style=\"color:%1\">%2 with problems</span>"_s
                    .arg(FieldDelegate::problemColor().name())
                    .arg(problems);
    m_count->setText(text);
    updateActions();
    Q_EMIT summaryChanged();
}

} // namespace jb
