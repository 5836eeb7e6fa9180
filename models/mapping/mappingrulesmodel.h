#pragma once

#include "mappingproject.h"

#include <QAbstractTableModel>

#include <optional>

namespace jb {

class DocumentEditor;

// The From-To as a table: one row per consumer field (the target contract's fields, then any rule
// on a field the contract does not list), with its source, its transform chain, its type and
// whether it is required, and the preview's value for it. Editing a source here (or dropping a
// provider field on a consumer field, which calls connectFields) writes the mapping entity through
// DocumentEditor, so every change is undoable; the model follows the document.
class MappingRulesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingRulesModel)

public:
    enum Column
    {
        TargetColumn,
        SourceColumn,
        TransformsColumn,
        TypeColumn,
        RequiredColumn,
        PreviewColumn,
        ColumnCount
    };
    enum Role
    {
        TargetRole = Qt::UserRole + 1, // the consumer field's path
        HasRuleRole, // whether a rule fills it
        SourceChoicesRole, // the provider fields a delegate offers (QStringList)
    };

    MappingRulesModel(DocumentEditor *editor, QObject *parent = nullptr);

    void setMappingId(const QString &id);
    QString mappingId() const { return m_id; }
    // The mapping with its contracts, when it resolves; problem() says why not.
    const std::optional<ResolvedMapping> &mapping() const { return m_mapping; }
    QString problem() const { return m_problem; }

    QString targetAt(int row) const;
    int rowOfTarget(const QString &target) const;
    QList<TransformSpec> transformsAt(int row) const;
    const MappingRule *ruleAt(int row) const;

    // Undoable edits of the mapping entity.
    void connectFields(const QString &source, const QString &target);
    void setSource(int row, const QString &source);
    void setTransforms(int row, const QList<TransformSpec> &chain);
    void removeRule(int row);
    void replaceRules(const QList<MappingRule> &rules, const QString &text);

    // The preview column: each target's mapped value (or error) for the record being looked at.
    void setPreview(const QHash<QString, QString> &values, const QHash<QString, QString> &errors);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // The mapping or a contract it uses changed (or another mapping was chosen).
    void mappingChanged();

private:
    struct Row
    {
        QString target;
        std::optional<ContractField> field; // absent: the target contract does not list it
        qsizetype rule = -1;
    };
    void reload();
    void write(const MappingDefinition &definition, const QString &text);
    int entityRow() const;

    DocumentEditor *m_editor;
    QString m_id;
    std::optional<ResolvedMapping> m_mapping;
    QString m_problem;
    QList<Row> m_rows;
    QStringList m_sourceChoices;
    QHash<QString, QString> m_previewValues;
    QHash<QString, QString> m_previewErrors;
};

} // namespace jb
