#include "entitytablemodel.h"

#include "documenteditor.h"
#include "journeyschema.h"
#include "projectdocument.h"
#include "projectvalidator.h"
#include "wording.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

EntityTableModel::EntityTableModel(DocumentEditor *editor, const QString &kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_editor(editor)
    , m_document(editor->document())
    , m_kind(*JourneySchema::kind(kind))
    , m_columns(m_kind.columnFields())
{
    connectDocument();
}

void EntityTableModel::connectDocument()
{
    auto mine = [this](const QString &kind) { return kind == m_kind.kind; };
    connect(m_document, &ProjectDocument::aboutToReset, this, [this] { beginResetModel(); });
    connect(m_document, &ProjectDocument::wasReset, this, [this] {
        m_problemCache.clear();
        endResetModel();
    });
    connect(m_document, &ProjectDocument::entityAboutToBeInserted, this,
        [this, mine](const QString &kind, int row) {
            if (mine(kind))
                beginInsertRows({}, row, row);
        });
    connect(m_document, &ProjectDocument::entityInserted, this, [this, mine](const QString &kind, int) {
        m_problemCache.clear();
        if (mine(kind))
            endInsertRows();
        invalidateProblems();
    });
    connect(m_document, &ProjectDocument::entityAboutToBeRemoved, this,
        [this, mine](const QString &kind, int row) {
            if (mine(kind))
                beginRemoveRows({}, row, row);
        });
    connect(m_document, &ProjectDocument::entityRemoved, this, [this, mine](const QString &kind, int) {
        m_problemCache.clear();
        if (mine(kind))
            endRemoveRows();
        invalidateProblems();
    });
    connect(m_document, &ProjectDocument::entityChanged, this, [this, mine](const QString &kind, int row) {
        m_problemCache.clear();
        if (mine(kind))
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
        invalidateProblems();
    });
}

void EntityTableModel::invalidateProblems()
{
    // a change elsewhere can break or mend a reference from here
    m_problemCache.clear();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
            {ProblemRole, RowProblemCountRole, Qt::ToolTipRole});
}

const QHash<QString, QString> &EntityTableModel::problemsOf(int row) const
{
    auto it = m_problemCache.find(row);
    if (it == m_problemCache.end())
        it = m_problemCache.insert(
            row, ProjectValidator::entityProblems(*m_document, m_document->at(m_kind.kind, row)));
    return it.value();
}

QString EntityTableModel::problemAt(int row, const QString &key) const
{
    // a list cell also shows its items' problems ("/hostsBehind/0")
    const QString pointer = u'/' + key;
    QStringList messages;
    const QHash<QString, QString> &problems = problemsOf(row);
    for (auto it = problems.cbegin(); it != problems.cend(); ++it) {
        if (it.key() == pointer || it.key().startsWith(pointer + u'/'))
            messages.append(it.value());
    }
    messages.sort();
    return messages.join(u"; "_s);
}

int EntityTableModel::columnOf(const QString &key) const
{
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).key == key)
            return static_cast<int>(i);
    }
    return -1;
}

int EntityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_document->count(m_kind.kind);
}

int EntityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QString EntityTableModel::displayText(const FieldSpec &field, const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts.append(item.isObject() ? u"{…}"_s : item.toVariant().toString());
        return parts.join(u", "_s);
    }
    if (value.isBool())
        return value.toBool() ? u"yes"_s : u"no"_s;
    if (value.isDouble())
        return QString::number(value.toInteger());
    if (field.type == FieldType::Bool)
        return QString();
    return value.toString();
}

std::optional<QJsonValue> EntityTableModel::parseText(const FieldSpec &field, const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Port: {
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        return QJsonValue(number);
    }
    case FieldType::Bool: {
        static const QStringList yes = {u"yes"_s, u"true"_s, u"1"_s, u"sim"_s};
        static const QStringList no = {u"no"_s, u"false"_s, u"0"_s, u"não"_s};
        if (yes.contains(text.toLower()))
            return QJsonValue(true);
        if (no.contains(text.toLower()))
            return QJsonValue(false);
        return std::nullopt;
    }
    case FieldType::IpList:
    case FieldType::CidrList:
    case FieldType::TextList:
    case FieldType::ReferenceList: {
        QJsonArray items;
        for (const QString &part : text.split(QRegularExpression(u"[,;\\n]"_s), Qt::SkipEmptyParts)) {
            if (!part.trimmed().isEmpty())
                items.append(part.trimmed());
        }
        return QJsonValue(items);
    }
    case FieldType::ObjectList:
        return std::nullopt;
    default:
        return QJsonValue(text);
    }
}

QVariant EntityTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const EntityRecord &record = m_document->at(m_kind.kind, index.row());
    const FieldSpec &field = m_columns.at(index.column());
    const QJsonValue value = record.data.value(field.key);
    const bool applicable = field.appliesTo(m_kind.discriminatorOf(record.data));
    switch (role) {
    case Qt::DisplayRole:
        return field.type == FieldType::Bool ? QVariant() : QVariant(displayText(field, value));
    case Qt::EditRole:
        if (field.type == FieldType::Integer || field.type == FieldType::Port)
            return value.isDouble() ? QVariant(value.toInteger()) : QVariant();
        if (field.isList())
            return displayText(field, value);
        return displayText(field, value);
    case Qt::CheckStateRole:
        if (field.type == FieldType::Bool)
            return value.toBool() ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole: {
        const QString problem = applicable ? problemAt(index.row(), field.key) : QString();
        if (!problem.isEmpty())
            return problem;
        if (!applicable)
            return u"Not used by %1 of this type"_s.arg(
                Wording::withArticle(Wording::inSentence(m_kind.singular)));
        return field.hint.isEmpty() ? QVariant() : QVariant(field.hint);
    }
    case ProblemRole:
        return applicable ? problemAt(index.row(), field.key) : QString();
    case RowProblemCountRole:
        return static_cast<int>(problemsOf(index.row()).size());
    case FieldKeyRole:
        return field.key;
    case FieldTypeRole:
        return static_cast<int>(field.type);
    case ChoicesRole:
        return field.choices;
    case ReferenceKindRole:
        return field.referenceKind;
    case ReferenceChoicesRole: {
        QStringList ids;
        for (const EntityRecord &target : m_document->entities(field.referenceKind))
            ids.append(target.id());
        return ids;
    }
    case EntityIdRole:
        return record.id();
    case ApplicableRole:
        return applicable;
    case SortRole:
        if (value.isDouble())
            return value.toDouble();
        return displayText(field, value).toLower();
    default:
        return {};
    }
}

bool EntityTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return false;
    const FieldSpec &field = m_columns.at(index.column());
    if (role == Qt::CheckStateRole && field.type == FieldType::Bool) {
        m_editor->setField(m_kind.kind, index.row(), field.key,
            value.value<Qt::CheckState>() == Qt::Checked ? QJsonValue(true) : QJsonValue(false));
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    std::optional<QJsonValue> json;
    if ((field.type == FieldType::Integer || field.type == FieldType::Port)
        && value.typeId() != QMetaType::QString)
        json = value.isNull() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(value.toLongLong());
    else
        json = parseText(field, value.toString());
    if (!json)
        return false;
    if (field.type == FieldType::Id) {
        const QString id = json->toString();
        if (id.isEmpty())
            return false; // every entity needs an id: it names its file
        // ids share a file name space per folder (VPNs and endpoints are both connections)
        if (id != m_document->at(m_kind.kind, index.row()).id()
            && m_document->uniqueId(m_kind.kind, id) != id)
            return false;
        // a valid new id takes its file and every reference with it, as one edit; an invalid one
        // is kept as typed (and marked) like any other value
        if (m_editor->renameEntity(m_kind.kind, index.row(), id))
            return true;
    }
    const QString nameBefore = m_document->at(m_kind.kind, index.row()).name();
    m_editor->setField(m_kind.kind, index.row(), field.key, *json);
    if (field.key == u"name" && m_document->at(m_kind.kind, index.row()).name() != nameBefore)
        Q_EMIT nameEdited(index.row());
    return true;
}

QVariant EntityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    if (section < 0 || section >= m_columns.size())
        return {};
    const FieldSpec &field = m_columns.at(section);
    if (role == Qt::DisplayRole)
        return field.required ? field.label + u" *"_s : field.label;
    if (role == Qt::ToolTipRole)
        return field.hint.isEmpty() ? field.label : field.label + u": "_s + field.hint;
    if (role == FieldKeyRole)
        return field.key;
    return {};
}

Qt::ItemFlags EntityTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return Qt::NoItemFlags;
    const FieldSpec &field = m_columns.at(index.column());
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const EntityRecord &record = m_document->at(m_kind.kind, index.row());
    if (!field.appliesTo(m_kind.discriminatorOf(record.data)))
        return flags;
    if (field.type == FieldType::Bool)
        return flags | Qt::ItemIsUserCheckable;
    return flags | Qt::ItemIsEditable;
}

} // namespace jb
