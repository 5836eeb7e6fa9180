#include "objectlistmodel.h"

#include "documenteditor.h"
#include "entitytablemodel.h"
#include "journeyschema.h"
#include "projectdocument.h"
#include "projectvalidator.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

ObjectListModel::ObjectListModel(
    DocumentEditor *editor, const QString &kind, const QString &listKey, QObject *parent)
    : QAbstractTableModel(parent)
    , m_editor(editor)
    , m_document(editor->document())
    , m_kind(kind)
{
    const KindSpec *spec = JourneySchema::kind(kind);
    const FieldSpec *list = spec ? spec->field(listKey) : nullptr;
    Q_ASSERT_X(list && list->type == FieldType::ObjectList, "ObjectListModel", "not an object-list field");
    if (list)
        m_list = *list;
    connectDocument();
}

void ObjectListModel::connectDocument()
{
    connect(m_document, &ProjectDocument::aboutToReset, this, [this] { beginResetModel(); });
    connect(m_document, &ProjectDocument::wasReset, this, [this] {
        m_entityRow = m_entityId.isEmpty() ? -1 : m_document->rowOf(m_kind, m_entityId);
        m_items = items();
        m_problems.reset();
        endResetModel();
    });
    connect(m_document, &ProjectDocument::entityInserted, this, [this](const QString &kind, int row) {
        if (kind == m_kind && m_entityRow >= 0 && row <= m_entityRow)
            ++m_entityRow;
        m_problems.reset();
        if (kind == m_kind)
            sync(); // an undone removal brings the entity back
        invalidateProblems();
    });
    connect(m_document, &ProjectDocument::entityRemoved, this, [this](const QString &kind, int row) {
        if (kind == m_kind) {
            if (row == m_entityRow)
                m_entityRow = -1;
            else if (row < m_entityRow)
                --m_entityRow;
        }
        m_problems.reset();
        if (kind == m_kind)
            sync();
        invalidateProblems();
    });
    connect(m_document, &ProjectDocument::entityChanged, this, [this](const QString &kind, int row) {
        // the entity keeps its row when its id is edited: follow it under its new id
        if (kind == m_kind && row == m_entityRow)
            m_entityId = m_document->at(kind, row).id();
        m_problems.reset();
        if (kind == m_kind)
            sync();
        invalidateProblems();
    });
}

void ObjectListModel::setEntity(const QString &id)
{
    beginResetModel();
    m_entityId = id;
    m_entityRow = id.isEmpty() ? -1 : m_document->rowOf(m_kind, id);
    m_items = items();
    m_problems.reset();
    endResetModel();
}

int ObjectListModel::entityRow() const
{
    if (m_entityId.isEmpty())
        return -1;
    if (m_entityRow >= 0 && m_entityRow < m_document->count(m_kind)
        && m_document->at(m_kind, m_entityRow).id() == m_entityId)
        return m_entityRow;
    return m_document->rowOf(m_kind, m_entityId);
}

QJsonArray ObjectListModel::items() const
{
    const int row = entityRow();
    return row < 0 ? QJsonArray() : m_document->at(m_kind, row).data.value(m_list.key).toArray();
}

void ObjectListModel::sync()
{
    m_entityRow = entityRow();
    const QJsonArray now = items();
    if (now == m_items)
        return;
    const qsizetype oldSize = m_items.size();
    const qsizetype newSize = now.size();
    qsizetype prefix = 0;
    while (prefix < oldSize && prefix < newSize && m_items.at(prefix) == now.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < oldSize - prefix && suffix < newSize - prefix
        && m_items.at(oldSize - 1 - suffix) == now.at(newSize - 1 - suffix))
        ++suffix;
    if (newSize > oldSize && prefix + suffix == oldSize) {
        beginInsertRows({}, static_cast<int>(prefix), static_cast<int>(prefix + newSize - oldSize - 1));
        m_items = now;
        endInsertRows();
    } else if (newSize < oldSize && prefix + suffix == newSize) {
        beginRemoveRows({}, static_cast<int>(prefix), static_cast<int>(prefix + oldSize - newSize - 1));
        m_items = now;
        endRemoveRows();
    } else if (newSize == oldSize) {
        m_items = now;
        Q_EMIT dataChanged(index(static_cast<int>(prefix), 0),
            index(static_cast<int>(oldSize - suffix - 1), columnCount() - 1));
    } else {
        beginResetModel();
        m_items = now;
        endResetModel();
    }
}

const QHash<QString, QString> &ObjectListModel::problems() const
{
    if (!m_problems) {
        const int row = entityRow();
        m_problems = row < 0 ? QHash<QString, QString>()
                             : ProjectValidator::entityProblems(*m_document, m_document->at(m_kind, row));
    }
    return *m_problems;
}

void ObjectListModel::invalidateProblems()
{
    // a change elsewhere can break or mend a reference from here
    m_problems.reset();
    if (rowCount() > 0)
        Q_EMIT dataChanged(
            index(0, 0), index(rowCount() - 1, columnCount() - 1), {ProblemRole, Qt::ToolTipRole});
}

void ObjectListModel::setItems(const QJsonArray &newItems, const QString &text)
{
    const int row = entityRow();
    if (row < 0)
        return;
    const QJsonObject before = m_document->at(m_kind, row).data;
    QJsonObject after = before;
    // an emptied list leaves the file as if it never had one
    if (newItems.isEmpty())
        after.remove(m_list.key);
    else
        after.insert(m_list.key, newItems);
    if (after != before)
        m_editor->setEntity(m_kind, row, after, text);
}

int ObjectListModel::addItem()
{
    if (entityRow() < 0)
        return -1;
    QJsonObject seed;
    for (const FieldSpec &field : std::as_const(m_list.itemFields)) {
        if (field.required && field.type == FieldType::Enum && !field.choices.isEmpty())
            seed.insert(field.key, field.choices.constFirst());
    }
    QJsonArray list = items();
    const int row = static_cast<int>(list.size());
    list.append(seed);
    setItems(list, u"Add to %1 of %2"_s.arg(m_list.label, m_entityId));
    return row;
}

void ObjectListModel::duplicateItem(int row)
{
    QJsonArray list = items();
    if (row < 0 || row >= list.size())
        return;
    list.insert(row + 1, list.at(row));
    setItems(list, u"Duplicate in %1 of %2"_s.arg(m_list.label, m_entityId));
}

void ObjectListModel::removeItems(QList<int> rows)
{
    QJsonArray list = items();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    bool removed = false;
    for (const int row : std::as_const(rows)) {
        if (row >= 0 && row < list.size()) {
            list.removeAt(row);
            removed = true;
        }
    }
    if (removed)
        setItems(list, u"Remove from %1 of %2"_s.arg(m_list.label, m_entityId));
}

void ObjectListModel::moveItem(int from, int to)
{
    QJsonArray list = items();
    if (from == to || from < 0 || to < 0 || from >= list.size() || to >= list.size())
        return;
    const QJsonValue item = list.takeAt(from);
    list.insert(to, item);
    setItems(list, u"Reorder %1 of %2"_s.arg(m_list.label, m_entityId));
}

int ObjectListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int ObjectListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_list.itemFields.size());
}

QVariant ObjectListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index))
        return {};
    const FieldSpec &field = m_list.itemFields.at(index.column());
    const QJsonValue value = m_items.at(index.row()).toObject().value(field.key);
    auto problem = [&] {
        // nested values (an item of a list inside the item) report under the cell too
        const QString pointer = u'/' + m_list.key + u'/' + QString::number(index.row()) + u'/' + field.key;
        const QHash<QString, QString> &all = problems();
        QStringList messages;
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            if (it.key() == pointer || it.key().startsWith(pointer + u'/'))
                messages.append(it.value());
        }
        messages.sort();
        return messages.join(u"; "_s);
    };
    switch (role) {
    case Qt::DisplayRole:
        return field.type == FieldType::Bool ? QVariant()
                                             : QVariant(EntityTableModel::displayText(field, value));
    case Qt::EditRole:
        if (field.type == FieldType::Integer || field.type == FieldType::Port)
            return value.isDouble() ? QVariant(value.toInteger()) : QVariant();
        return EntityTableModel::displayText(field, value);
    case Qt::CheckStateRole:
        if (field.type == FieldType::Bool)
            return value.toBool() ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole: {
        const QString message = problem();
        if (!message.isEmpty())
            return message;
        return field.hint.isEmpty() ? QVariant() : QVariant(field.hint);
    }
    case ProblemRole:
        return problem();
    case FieldKeyRole:
        return field.key;
    case FieldTypeRole:
        return static_cast<int>(field.type);
    case ChoicesRole:
        return field.choices;
    case SortRole:
        if (value.isDouble())
            return value.toDouble();
        return EntityTableModel::displayText(field, value).toLower();
    default:
        return {};
    }
}

std::optional<QJsonValue> ObjectListModel::parseValue(const FieldSpec &field, const QVariant &value) const
{
    if ((field.type == FieldType::Integer || field.type == FieldType::Port)
        && value.typeId() != QMetaType::QString) {
        if (value.isNull())
            return QJsonValue(QJsonValue::Undefined);
        bool ok = false;
        const qlonglong number = value.toLongLong(&ok);
        return ok ? std::optional<QJsonValue>(QJsonValue(number)) : std::nullopt;
    }
    return EntityTableModel::parseText(field, value.toString());
}

bool ObjectListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index))
        return false;
    const FieldSpec &field = m_list.itemFields.at(index.column());
    std::optional<QJsonValue> json;
    if (role == Qt::CheckStateRole && field.type == FieldType::Bool)
        json = QJsonValue(value.toInt() == Qt::Checked);
    else if (role == Qt::EditRole)
        json = parseValue(field, value);
    if (!json)
        return false;
    QJsonArray list = items();
    if (index.row() >= list.size())
        return false;
    const QJsonObject before = list.at(index.row()).toObject();
    QJsonObject after = before;
    if (json->isUndefined())
        after.remove(field.key);
    else
        after.insert(field.key, *json);
    if (after == before)
        return true;
    list.replace(index.row(), after);
    setItems(list, u"Edit %1 in %2 of %3"_s.arg(field.label, m_list.label, m_entityId));
    return true;
}

QVariant ObjectListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_list.itemFields.size())
        return {};
    const FieldSpec &field = m_list.itemFields.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return field.required ? field.label + u" *"_s : field.label;
    case Qt::ToolTipRole:
        return field.hint.isEmpty() ? field.label : field.label + u": "_s + field.hint;
    case FieldKeyRole:
        return field.key;
    case FieldTypeRole:
        return static_cast<int>(field.type);
    default:
        return {};
    }
}

Qt::ItemFlags ObjectListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index))
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (m_list.itemFields.at(index.column()).type == FieldType::Bool)
        return flags | Qt::ItemIsUserCheckable;
    return flags | Qt::ItemIsEditable;
}

} // namespace jb
