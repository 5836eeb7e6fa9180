#include "mappingrulesmodel.h"

#include "documenteditor.h"
#include "projectdocument.h"

#include <QColor>
#include <QFont>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QString mappingKind = u"mapping"_s;

} // namespace

MappingRulesModel::MappingRulesModel(DocumentEditor *editor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_editor(editor)
{
    ProjectDocument *document = editor->document();
    // contracts, databases and environments feed the mapping too: follow them all
    const auto followKind = [this](const QString &kind) {
        if (kind == mappingKind || kind == u"contract" || kind == u"database" || kind == u"environment")
            reload();
    };
    connect(document, &ProjectDocument::entityChanged, this,
        [followKind](const QString &kind, int) { followKind(kind); });
    connect(document, &ProjectDocument::entityInserted, this,
        [followKind](const QString &kind, int) { followKind(kind); });
    connect(document, &ProjectDocument::entityRemoved, this,
        [followKind](const QString &kind, int) { followKind(kind); });
    connect(document, &ProjectDocument::wasReset, this, &MappingRulesModel::reload);
}

void MappingRulesModel::setMappingId(const QString &id)
{
    m_id = id;
    m_previewValues.clear();
    m_previewErrors.clear();
    reload();
}

int MappingRulesModel::entityRow() const
{
    return m_editor->document()->rowOf(mappingKind, m_id);
}

void MappingRulesModel::reload()
{
    std::optional<ResolvedMapping> mapping;
    QString problem;
    const ProjectDocument *document = m_editor->document();
    const EntityRecord *record = m_id.isEmpty() ? nullptr : document->find(mappingKind, m_id);
    if (m_id.isEmpty()) {
        problem = u"No mapping chosen."_s;
    } else if (!record) {
        problem = u"The mapping %1 no longer exists."_s.arg(m_id);
    } else {
        Result<ResolvedMapping> resolved
            = ResolvedMapping::resolve(document->allEntities(), document->folder(), record->data);
        if (resolved)
            mapping = std::move(resolved).value();
        else
            problem = resolved.errorString();
    }

    QList<Row> rows;
    QStringList choices;
    if (mapping) {
        for (const ContractField &field : mapping->target.withImplicitParents()) {
            Row row;
            row.target = field.name;
            row.field = field;
            row.rule = mapping->definition.indexOfTarget(field.name);
            rows.append(row);
        }
        for (qsizetype i = 0; i < mapping->definition.rules.size(); ++i) {
            const QString target = mapping->definition.rules.at(i).target;
            const bool listed
                = std::any_of(rows.cbegin(), rows.cend(), [&](const Row &r) { return r.target == target; });
            if (!listed)
                rows.append(Row{target, std::nullopt, i});
        }
        for (const ContractField &field : mapping->source.withImplicitParents())
            choices.append(field.name);
    }
    const auto sameShape = [&] {
        if (rows.size() != m_rows.size())
            return false;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows.at(i).target != m_rows.at(i).target)
                return false;
        }
        return true;
    }();
    // the same rows: keep the selection and the open editor, only the cells change
    if (sameShape) {
        m_mapping = std::move(mapping);
        m_problem = problem;
        m_rows = rows;
        m_sourceChoices = choices;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_mapping = std::move(mapping);
        m_problem = problem;
        m_rows = rows;
        m_sourceChoices = choices;
        endResetModel();
    }
    Q_EMIT mappingChanged();
}

QString MappingRulesModel::targetAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).target : QString();
}

int MappingRulesModel::rowOfTarget(const QString &target) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).target == target)
            return static_cast<int>(i);
    }
    return -1;
}

const MappingRule *MappingRulesModel::ruleAt(int row) const
{
    if (!m_mapping || row < 0 || row >= m_rows.size() || m_rows.at(row).rule < 0)
        return nullptr;
    return &m_mapping->definition.rules.at(m_rows.at(row).rule);
}

QList<TransformSpec> MappingRulesModel::transformsAt(int row) const
{
    const MappingRule *rule = ruleAt(row);
    return rule ? rule->transforms : QList<TransformSpec>();
}

void MappingRulesModel::write(const MappingDefinition &definition, const QString &text)
{
    const int row = entityRow();
    if (row < 0)
        return;
    const QJsonObject before = m_editor->document()->at(mappingKind, row).data;
    const QJsonObject after = definition.applyTo(before);
    if (after != before)
        m_editor->setEntity(mappingKind, row, after, text);
}

void MappingRulesModel::connectFields(const QString &source, const QString &target)
{
    if (!m_mapping)
        return;
    MappingDefinition definition = m_mapping->definition;
    const qsizetype existing = definition.indexOfTarget(target);
    if (existing >= 0) {
        MappingRule &rule = definition.rules[existing];
        if (rule.source == source)
            return;
        if (rule.source.isEmpty() || rule.source == source) {
            rule.source = source;
        } else {
            // a second provider field onto a mapped consumer field: concatenate it
            TransformSpec concat;
            concat.op = TransformOp::Concat;
            concat.params = QJsonObject{{u"fields"_s, QJsonArray{source}}, {u"separator"_s, u" "_s}};
            rule.transforms.append(concat);
            write(definition, u"Append %1 to %2"_s.arg(source, target));
            return;
        }
    } else {
        // keep the rules in the target contract's order, as the De-Para lists them
        const Contract &contract = m_mapping->target;
        const qsizetype rank = contract.indexOf(target);
        qsizetype at = definition.rules.size();
        for (qsizetype i = 0; i < definition.rules.size() && rank >= 0; ++i) {
            const qsizetype other = contract.indexOf(definition.rules.at(i).target);
            if (other < 0 || other > rank) {
                at = i;
                break;
            }
        }
        definition.rules.insert(at, MappingRule{target, source, {}, {}});
    }
    write(definition, u"Map %1 ← %2"_s.arg(target, source));
}

void MappingRulesModel::setSource(int row, const QString &source)
{
    if (!m_mapping || row < 0 || row >= m_rows.size())
        return;
    const Row &r = m_rows.at(row);
    if (r.rule < 0) {
        if (!source.isEmpty())
            connectFields(source, r.target);
        return;
    }
    MappingDefinition definition = m_mapping->definition;
    MappingRule &rule = definition.rules[r.rule];
    if (rule.source == source)
        return;
    if (source.isEmpty() && rule.transforms.isEmpty()) {
        definition.rules.removeAt(r.rule);
        write(definition, u"Unmap %1"_s.arg(r.target));
        return;
    }
    rule.source = source;
    write(definition,
        source.isEmpty() ? u"Clear the source of %1"_s.arg(r.target)
                         : u"Map %1 ← %2"_s.arg(r.target, source));
}

void MappingRulesModel::setTransforms(int row, const QList<TransformSpec> &chain)
{
    if (!m_mapping || row < 0 || row >= m_rows.size())
        return;
    const Row &r = m_rows.at(row);
    MappingDefinition definition = m_mapping->definition;
    if (r.rule < 0) {
        if (chain.isEmpty())
            return;
        definition.rules.append(MappingRule{r.target, QString(), chain, {}});
    } else {
        if (definition.rules.at(r.rule).transforms == chain)
            return;
        definition.rules[r.rule].transforms = chain;
    }
    write(definition, u"Transforms of %1"_s.arg(r.target));
}

void MappingRulesModel::removeRule(int row)
{
    if (!m_mapping || row < 0 || row >= m_rows.size() || m_rows.at(row).rule < 0)
        return;
    MappingDefinition definition = m_mapping->definition;
    definition.rules.removeAt(m_rows.at(row).rule);
    write(definition, u"Unmap %1"_s.arg(m_rows.at(row).target));
}

void MappingRulesModel::replaceRules(const QList<MappingRule> &rules, const QString &text)
{
    if (!m_mapping)
        return;
    MappingDefinition definition = m_mapping->definition;
    definition.rules = rules;
    write(definition, text);
}

void MappingRulesModel::setPreview(
    const QHash<QString, QString> &values, const QHash<QString, QString> &errors)
{
    m_previewValues = values;
    m_previewErrors = errors;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(
            index(0, PreviewColumn), index(static_cast<int>(m_rows.size()) - 1, PreviewColumn));
}

int MappingRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MappingRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingRulesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const MappingRule *rule = ruleAt(index.row());
    const bool required = row.field && row.field->required;
    const bool gap = required && !rule;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case TargetColumn:
            return row.target;
        case SourceColumn:
            if (role == Qt::DisplayRole && !rule)
                return gap ? u"— gap: choose a source —"_s : QString();
            return rule ? rule->source : QString();
        case TransformsColumn:
            return rule ? rule->transformText() : QString();
        case TypeColumn:
            return row.field ? row.field->type : u"?"_s;
        case RequiredColumn:
            return role == Qt::DisplayRole ? QVariant(required ? u"required"_s : QString())
                                           : QVariant(required);
        case PreviewColumn: {
            const QString error = m_previewErrors.value(row.target);
            return error.isEmpty() ? m_previewValues.value(row.target) : QString(u"⚠ "_s + error);
        }
        }
        return {};
    case Qt::ToolTipRole:
        if (!row.field)
            return u"%1 is not a field of the target contract"_s.arg(row.target);
        if (index.column() == PreviewColumn && m_previewErrors.contains(row.target))
            return m_previewErrors.value(row.target);
        if (gap)
            return u"%1 is required and nothing fills it: choose a provider field, or drop one on it."_s.arg(
                row.target);
        return {};
    case Qt::ForegroundRole:
        if (gap && index.column() == SourceColumn)
            return QColor(0xC6, 0x28, 0x28);
        if (index.column() == PreviewColumn && m_previewErrors.contains(row.target))
            return QColor(0xC6, 0x28, 0x28);
        if (!row.field && index.column() == TargetColumn)
            return QColor(0xC6, 0x28, 0x28);
        return {};
    case Qt::FontRole:
        if (index.column() == TargetColumn && required) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (index.column() == TransformsColumn) {
            QFont font(u"monospace"_s);
            font.setStyleHint(QFont::Monospace);
            return font;
        }
        return {};
    case TargetRole:
        return row.target;
    case HasRuleRole:
        return rule != nullptr;
    case SourceChoicesRole:
        return m_sourceChoices;
    default:
        return {};
    }
}

bool MappingRulesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    if (index.column() == SourceColumn) {
        setSource(index.row(), value.toString());
        return true;
    }
    if (index.column() == TransformsColumn) {
        const Result<QList<TransformSpec>> chain = TransformSpec::parseChain(value.toString());
        if (!chain)
            return false;
        setTransforms(index.row(), chain.value());
        return true;
    }
    return false;
}

QVariant MappingRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TargetColumn:
        return u"Consumer field (B)"_s;
    case SourceColumn:
        return u"Provider field (A)"_s;
    case TransformsColumn:
        return u"Transforms"_s;
    case TypeColumn:
        return u"Type"_s;
    case RequiredColumn:
        return u"Required"_s;
    case PreviewColumn:
        return u"Preview"_s;
    default:
        return {};
    }
}

Qt::ItemFlags MappingRulesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_mapping && (index.column() == SourceColumn || index.column() == TransformsColumn))
        flags |= Qt::ItemIsEditable;
    return flags;
}

} // namespace jb
