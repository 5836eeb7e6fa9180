#include "contractfieldmodel.h"

#include "fieldpath.h"

#include <QColor>
#include <QFont>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace jb {

ContractFieldModel::ContractFieldModel(Side side, QObject *parent)
    : QAbstractItemModel(parent)
    , m_side(side)
{ }

void ContractFieldModel::setContract(const Contract &contract)
{
    beginResetModel();
    m_contract = contract;
    m_nodes.clear();
    m_roots.clear();
    m_byPath.clear();
    for (const ContractField &field : contract.withImplicitParents()) {
        Node node;
        node.field = field;
        const QString parentPath = FieldPath(field.name).parentText();
        node.parent = m_byPath.value(parentPath, -1);
        const int index = static_cast<int>(m_nodes.size());
        QList<int> &siblings = node.parent < 0 ? m_roots : m_nodes[node.parent].children;
        node.row = static_cast<int>(siblings.size());
        siblings.append(index);
        m_byPath.insert(field.name, index);
        m_nodes.append(node);
    }
    endResetModel();
}

void ContractFieldModel::setStates(const QHash<QString, State> &states)
{
    if (states == m_states)
        return;
    m_states = states;
    if (!m_nodes.isEmpty()) {
        // every row at every level: one signal per parent
        const auto announce = [this](const QModelIndex &parent, int count) {
            if (count > 0)
                Q_EMIT dataChanged(index(0, 0, parent), index(count - 1, ColumnCount - 1, parent));
        };
        announce({}, static_cast<int>(m_roots.size()));
        for (qsizetype i = 0; i < m_nodes.size(); ++i) {
            if (!m_nodes.at(i).children.isEmpty())
                announce(createIndex(m_nodes.at(i).row, 0, quintptr(i)),
                    static_cast<int>(m_nodes.at(i).children.size()));
        }
    }
}

QModelIndex ContractFieldModel::indexOfPath(const QString &path) const
{
    const auto found = m_byPath.constFind(path);
    if (found == m_byPath.constEnd())
        return {};
    return createIndex(m_nodes.at(*found).row, 0, quintptr(*found));
}

QStringList ContractFieldModel::paths() const
{
    QStringList paths;
    for (const Node &node : m_nodes)
        paths.append(node.field.name);
    return paths;
}

const QList<int> &ContractFieldModel::childrenOf(const QModelIndex &parent) const
{
    return parent.isValid() ? m_nodes.at(static_cast<qsizetype>(parent.internalId())).children : m_roots;
}

QModelIndex ContractFieldModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const QList<int> &children = childrenOf(parent);
    if (row < 0 || row >= children.size())
        return {};
    return createIndex(row, column, quintptr(children.at(row)));
}

QModelIndex ContractFieldModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_nodes.at(static_cast<qsizetype>(child.internalId())).parent;
    if (parent < 0)
        return {};
    return createIndex(m_nodes.at(parent).row, 0, quintptr(parent));
}

int ContractFieldModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(childrenOf(parent).size());
}

int ContractFieldModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ContractFieldModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const ContractField &field = m_nodes.at(static_cast<qsizetype>(index.internalId())).field;
    const State state = m_states.value(field.name, State::None);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return field.name.endsWith(u"[]") ? u"[each]"_s : FieldPath(field.name).leafKey();
        case TypeColumn:
            return field.required ? field.type + u" *"_s : field.type;
        case StateColumn:
            switch (state) {
            case State::Mapped:
                return m_side == Side::Provider ? u"used"_s : u"mapped"_s;
            case State::Gap:
                return u"gap"_s;
            case State::Unused:
                return u"unused"_s;
            case State::None:
                return QString();
            }
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines{
            field.name + u" — "_s + field.type + (field.required ? u", required"_s : QString())};
        if (!field.format.isEmpty())
            lines.append(u"format: "_s + field.format);
        if (field.maxLength)
            lines.append(u"at most %1 characters"_s.arg(*field.maxLength));
        if (!field.enumValues.isEmpty())
            lines.append(u"one of: "_s + field.enumValues.join(u", "_s));
        if (!field.example.isEmpty())
            lines.append(u"example: "_s + field.example);
        if (!field.description.isEmpty())
            lines.append(field.description);
        if (state == State::Gap)
            lines.append(u"Required, and nothing fills it: drop a provider field here."_s);
        return lines.join(u'\n');
    }
    case Qt::ForegroundRole:
        if (state == State::Gap)
            return QColor(0xC6, 0x28, 0x28);
        if (state == State::Unused && index.column() == StateColumn)
            return QColor(0x80, 0x80, 0x80);
        if (state == State::Mapped && index.column() == StateColumn)
            return QColor(0x2E, 0x7D, 0x32);
        return {};
    case Qt::FontRole:
        if (field.required && m_side == Side::Consumer && index.column() == NameColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case PathRole:
        return field.name;
    case TypeRole:
        return field.type;
    case RequiredRole:
        return field.required;
    case StateRole:
        return static_cast<int>(state);
    default:
        return {};
    }
}

QVariant ContractFieldModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return m_side == Side::Provider ? u"Provider field"_s : u"Consumer field"_s;
    case TypeColumn:
        return u"Type"_s;
    case StateColumn:
        return u"State"_s;
    default:
        return {};
    }
}

Qt::ItemFlags ContractFieldModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_side == Side::Provider)
        flags |= Qt::ItemIsDragEnabled;
    else
        flags |= Qt::ItemIsDropEnabled;
    return flags;
}

QStringList ContractFieldModel::mimeTypes() const
{
    return {QString(mimeType)};
}

QMimeData *ContractFieldModel::mimeData(const QModelIndexList &indexes) const
{
    if (m_side != Side::Provider || indexes.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    const QString path = indexes.constFirst().data(PathRole).toString();
    data->setData(QString(mimeType), path.toUtf8());
    data->setText(path);
    return data;
}

bool ContractFieldModel::canDropMimeData(
    const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    return m_side == Side::Consumer && parent.isValid() && data && data->hasFormat(QString(mimeType));
}

bool ContractFieldModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QString source = QString::fromUtf8(data->data(QString(mimeType)));
    const QString target = parent.data(PathRole).toString();
    if (source.isEmpty() || target.isEmpty())
        return false;
    Q_EMIT fieldDropped(source, target);
    return true; // a copy: the mapping changes, nothing moves in either tree
}

Qt::DropActions ContractFieldModel::supportedDragActions() const
{
    return Qt::CopyAction | Qt::LinkAction;
}

Qt::DropActions ContractFieldModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::LinkAction;
}

} // namespace jb
