#include "objectlistpanel.h"

#include "fielddelegate.h"
#include "icons.h"
#include "longtexteditor.h"
#include "objectlistmodel.h"
#include "panelaction.h"
#include "tablestyle.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// "Secrets (names only)" -> "secret", "Message examples" -> "message example"
QString nounOf(const QString &label)
{
    QString noun = label.section(u" ("_s, 0, 0).toLower();
    if (noun.endsWith(u's'))
        noun.chop(1);
    return noun;
}

} // namespace

ObjectListPanel::ObjectListPanel(
    DocumentEditor *editor, const QString &kind, const FieldSpec &list, QWidget *parent)
    : QWidget(parent)
    , m_model(new ObjectListModel(editor, kind, list.key, this))
    , m_view(new QTableView(this))
    , m_noun(nounOf(list.label))
{
    m_add = panelAction(this, Icons::Glyph::Add, u"Add %1"_s.arg(m_noun), QKeySequence(Qt::Key_Insert));
    m_duplicate = panelAction(
        this, Icons::Glyph::Duplicate, u"Duplicate %1"_s.arg(m_noun), QKeySequence(Qt::CTRL | Qt::Key_D));
    m_remove = panelAction(this, Icons::Glyph::Remove, u"Remove %1"_s.arg(m_noun), QKeySequence::Delete);
    m_up = panelAction(this, Icons::Glyph::Up, u"Move up"_s, QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down = panelAction(this, Icons::Glyph::Down, u"Move down"_s, QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(m_add, &QAction::triggered, this, &ObjectListPanel::addRow);
    connect(m_duplicate, &QAction::triggered, this, &ObjectListPanel::duplicateRow);
    connect(m_remove, &QAction::triggered, this, &ObjectListPanel::removeRows);
    connect(m_up, &QAction::triggered, this, [this] { moveCurrent(-1); });
    connect(m_down, &QAction::triggered, this, [this] { moveCurrent(+1); });

    auto *toolbar = new QHBoxLayout;
    toolbar->setContentsMargins(0, 0, 0, 0);
    toolbar->setSpacing(2);
    for (QAction *action : {m_add, m_duplicate, m_remove, m_up, m_down})
        toolbar->addWidget(Icons::toolButton(action, action == m_add));
    toolbar->addStretch(1);
    m_view->addActions({m_add, m_duplicate, m_remove, m_up, m_down});

    m_view->setModel(m_model);
    m_view->setItemDelegate(new FieldDelegate(list.itemFields, m_view));
    TableStyle::apply(m_view);
    m_view->setSortingEnabled(false); // the order of a list is the user's
    for (qsizetype i = 0; i < list.itemFields.size(); ++i) {
        if (list.itemFields.at(i).type == FieldType::LongText && m_longTextColumn < 0)
            m_longTextColumn = static_cast<int>(i);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(toolbar);
    if (m_longTextColumn < 0) {
        layout->addWidget(m_view, 1);
    } else {
        // the multi-line field is edited beside the table, for the selected item
        const FieldSpec &field = list.itemFields.at(m_longTextColumn);
        m_view->setColumnHidden(m_longTextColumn, true);
        auto *splitter = new QSplitter(Qt::Horizontal, this);
        splitter->setChildrenCollapsible(false);
        splitter->addWidget(m_view);
        auto *side = new QWidget(splitter);
        auto *sideLayout = new QVBoxLayout(side);
        sideLayout->setContentsMargins(6, 0, 0, 0);
        m_longTextLabel = new QLabel(field.label, side);
        m_longText = new LongTextEditor(side);
        m_longText->setFont(QFont(u"monospace"_s));
        m_longText->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_longText->setPlaceholderText(u"Select an item to see its %1"_s.arg(field.label.toLower()));
        m_longTextLabel->setBuddy(m_longText);
        sideLayout->addWidget(m_longTextLabel);
        sideLayout->addWidget(m_longText, 1);
        splitter->addWidget(side);
        splitter->setStretchFactor(0, 2);
        splitter->setStretchFactor(1, 3);
        layout->addWidget(splitter, 1);
        connect(m_longText, &LongTextEditor::committed, this, [this](const QString &text) {
            const int row = m_view->currentIndex().row();
            if (row >= 0)
                m_model->setData(m_model->index(row, m_longTextColumn), text, Qt::EditRole);
        });
    }

    auto refresh = [this] {
        updateActions();
        showLongText();
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &, const QModelIndex &) {
            if (m_longText)
                m_longText->commit();
            updateActions();
            showLongText();
        });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, refresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        TableStyle::fitColumns(m_view);
        if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
        updateActions();
        showLongText();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, refresh);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, refresh);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, refresh);
    updateActions();
}

void ObjectListPanel::setEntity(const QString &id)
{
    if (m_longText)
        m_longText->commit();
    if (id == m_model->entityId())
        return;
    m_model->setEntity(id);
}

QString ObjectListPanel::rowNoun() const
{
    return m_noun;
}

QAbstractItemView *ObjectListPanel::rowView() const
{
    return m_view;
}

bool ObjectListPanel::canAddRow() const
{
    return !m_model->entityId().isEmpty();
}

bool ObjectListPanel::canDuplicateRow() const
{
    return m_view->currentIndex().isValid();
}

bool ObjectListPanel::canRemoveRows() const
{
    return !selectedRows().isEmpty();
}

QList<int> ObjectListPanel::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    return rows;
}

void ObjectListPanel::addRow()
{
    const int row = m_model->addItem();
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->setFocus();
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->edit(index);
}

void ObjectListPanel::duplicateRow()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    m_model->duplicateItem(current.row());
    m_view->setCurrentIndex(m_model->index(current.row() + 1, current.column()));
}

void ObjectListPanel::removeRows()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    const int next = *std::min_element(rows.cbegin(), rows.cend());
    m_model->removeItems(rows);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(std::min(next, m_model->rowCount() - 1), 0));
}

void ObjectListPanel::moveCurrent(int delta)
{
    const QModelIndex current = m_view->currentIndex();
    const int to = current.row() + delta;
    if (!current.isValid() || to < 0 || to >= m_model->rowCount())
        return;
    m_model->moveItem(current.row(), to);
    m_view->setCurrentIndex(m_model->index(to, current.column()));
}

void ObjectListPanel::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    m_add->setEnabled(canAddRow());
    m_duplicate->setEnabled(canDuplicateRow());
    m_remove->setEnabled(canRemoveRows());
    m_up->setEnabled(current.isValid() && current.row() > 0);
    m_down->setEnabled(current.isValid() && current.row() + 1 < m_model->rowCount());
}

void ObjectListPanel::showLongText()
{
    if (!m_longText)
        return;
    const int row = m_view->currentIndex().row();
    m_longText->setEnabled(row >= 0);
    m_longText->showText(
        row >= 0 ? m_model->index(row, m_longTextColumn).data(Qt::EditRole).toString() : QString());
}

} // namespace jb
