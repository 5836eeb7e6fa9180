#include "mappingpreviewmodel.h"

#include "fieldpath.h"
#include "jsonlinewriter.h"
#include "jsonscalars.h"

#include <QColor>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString shown(const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    if (value.isString())
        return value.toString();
    QByteArray out;
    JsonLineWriter::appendValue(out, value);
    return QString::fromUtf8(out);
}

} // namespace

MappingPreviewModel::MappingPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void MappingPreviewModel::setResult(const MappingPreviewResult &result)
{
    const bool sameShape
        = result.columns == m_result.columns && result.mapped.size() == m_result.mapped.size();
    if (sameShape) {
        m_result = result;
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_result = result;
    endResetModel();
}

int MappingPreviewModel::validCount() const
{
    return static_cast<int>(std::count_if(
        m_result.mapped.cbegin(), m_result.mapped.cend(), [](const MappedRecord &r) { return r.ok(); }));
}

int MappingPreviewModel::invalidCount() const
{
    return static_cast<int>(m_result.mapped.size()) - validCount();
}

QString MappingPreviewModel::errorFor(int row, const QString &column) const
{
    QStringList errors;
    for (const FieldError &error : m_result.mapped.at(row).errors) {
        const QString general = FieldPath::generalise(error.field);
        if (general == column || FieldPath::isAncestor(column, general))
            errors.append(general == column && error.field == column ? error.rule : error.text());
    }
    return errors.join(u"; "_s);
}

QString MappingPreviewModel::recordErrors(int row) const
{
    QStringList lines;
    for (const FieldError &error : m_result.mapped.at(row).errors)
        lines.append(error.text());
    return lines.join(u'\n');
}

QHash<QString, QString> MappingPreviewModel::valuesOf(int row) const
{
    QHash<QString, QString> values;
    if (row < 0 || row >= m_result.mapped.size())
        return values;
    for (const MappedField &field : m_result.mapped.at(row).fields)
        values.insert(field.target, shown(field.output));
    return values;
}

QHash<QString, QString> MappingPreviewModel::errorsOf(int row) const
{
    QHash<QString, QString> errors;
    if (row < 0 || row >= m_result.mapped.size())
        return errors;
    for (const FieldError &error : m_result.mapped.at(row).errors) {
        const QString target = FieldPath::generalise(error.field);
        const QString text = error.field == target ? error.rule : error.text();
        errors.insert(target, errors.contains(target) ? errors.value(target) + u"; "_s + text : text);
    }
    return errors;
}

int MappingPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_result.mapped.size());
}

int MappingPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_result.columns.size()) + 1;
}

QVariant MappingPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_result.mapped.size())
        return {};
    const MappedRecord &mapped = m_result.mapped.at(index.row());
    if (index.column() == 0) {
        switch (role) {
        case Qt::DisplayRole:
            return mapped.ok() ? u"✓ valid"_s : u"✗ %1 error(s)"_s.arg(mapped.errors.size());
        case Qt::ToolTipRole:
            return mapped.ok() ? u"The consumer's contract accepts this record."_s
                               : recordErrors(index.row());
        case Qt::ForegroundRole:
            return mapped.ok() ? QColor(0x2E, 0x7D, 0x32) : QColor(0xC6, 0x28, 0x28);
        case ValidRole:
            return mapped.ok();
        case ErrorRole:
            return recordErrors(index.row());
        default:
            return {};
        }
    }
    const QString column = m_result.columns.at(index.column() - 1);
    const QString error = errorFor(index.row(), column);
    switch (role) {
    case Qt::DisplayRole: {
        QString value = shown(FieldPath(column).get(mapped.object));
        if (error.isEmpty())
            return value;
        if (value.isEmpty()) { // the field was left out: the value its rule refused says why
            for (const MappedField &field : mapped.fields) {
                if (field.target == column && !field.input.isUndefined()
                    && !error.contains(shown(field.input)))
                    value = shown(field.input);
            }
        }
        return value.isEmpty() ? QString(u"⚠ "_s + error) : QString(value + u"  ⚠ "_s + error);
    }
    case Qt::ToolTipRole: {
        QStringList lines;
        for (const MappedField &field : mapped.fields) {
            if (field.target == column || FieldPath::isAncestor(field.target, column))
                lines.append(u"%1 ← %2: %3 → %4"_s.arg(field.target,
                    field.source.isEmpty() ? u"(no source)"_s : field.source,
                    field.input.isUndefined() ? u"(missing)"_s : shown(field.input),
                    field.output.isUndefined() ? u"(nothing)"_s : shown(field.output)));
        }
        if (lines.isEmpty())
            lines.append(u"%1: no rule fills it"_s.arg(column));
        if (!error.isEmpty())
            lines.append(u"✗ "_s + error);
        return lines.join(u'\n');
    }
    case Qt::BackgroundRole:
        return error.isEmpty() ? QVariant() : QVariant(QColor(0xFF, 0xCD, 0xD2, 0x90));
    case ErrorRole:
        return error;
    case InputRole: {
        for (const MappedField &field : mapped.fields) {
            if (field.target == column)
                return shown(field.input);
        }
        return QString();
    }
    default:
        return {};
    }
}

QVariant MappingPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section == 0)
        return u"Record"_s;
    return m_result.columns.value(section - 1);
}

} // namespace jb
