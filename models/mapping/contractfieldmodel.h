#pragma once

#include "contract.h"

#include <QAbstractItemModel>
#include <QHash>

namespace jb {

// A contract's fields as a tree (nested objects and arrays under their parents), for the From-To
// editor's two panes. The provider side drags a field's path; the consumer side accepts a drop
// and announces it (fieldDropped), leaving the edit to whoever owns the mapping. Each field shows
// its state in the mapping: mapped, a gap, unused.
class ContractFieldModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContractFieldModel)

public:
    enum Column
    {
        NameColumn,
        TypeColumn,
        StateColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1,
        TypeRole,
        RequiredRole,
        StateRole,
    };
    enum class Side
    {
        Provider, // drag source
        Consumer, // drop target
    };
    enum class State
    {
        None,
        Mapped,
        Gap,
        Unused,
    };
    static constexpr QLatin1StringView mimeType{"application/x-journeybench-field"};

    explicit ContractFieldModel(Side side, QObject *parent = nullptr);

    void setContract(const Contract &contract);
    const Contract &contract() const { return m_contract; }
    void setStates(const QHash<QString, State> &states);
    State state(const QString &path) const { return m_states.value(path, State::None); }
    QModelIndex indexOfPath(const QString &path) const;
    QStringList paths() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;

Q_SIGNALS:
    // A provider field was dropped on a consumer field.
    void fieldDropped(const QString &source, const QString &target);

private:
    struct Node
    {
        ContractField field;
        int parent = -1;
        int row = 0;
        QList<int> children;
    };
    const QList<int> &childrenOf(const QModelIndex &parent) const;

    Side m_side;
    Contract m_contract;
    QList<Node> m_nodes;
    QList<int> m_roots;
    QHash<QString, int> m_byPath;
    QHash<QString, State> m_states;
};

} // namespace jb
