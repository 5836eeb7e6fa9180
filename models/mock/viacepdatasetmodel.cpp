#include "viacepdatasetmodel.h"

using namespace Qt::StringLiterals;

namespace jb {

ViaCepDatasetModel::ViaCepDatasetModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ViaCepDatasetModel::setDataset(const ViaCepDataset &dataset)
{
    const int rows = int(dataset.size());
    if (rows == int(m_dataset.size())) {
        m_dataset = dataset;
        if (rows > 0)
            Q_EMIT dataChanged(index(0, 0), index(rows - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_dataset = dataset;
    endResetModel();
}

int ViaCepDatasetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_dataset.size());
}

int ViaCepDatasetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ViaCepDataset::keyOrder().size());
}

QVariant ViaCepDatasetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_dataset.size())
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const ViaCepRecord &record = m_dataset.records().at(index.row());
    return record.value(ViaCepDataset::keyOrder().at(index.column()));
}

QVariant ViaCepDatasetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole
        && section < ViaCepDataset::keyOrder().size())
        return ViaCepDataset::keyOrder().at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags ViaCepDatasetModel::flags(const QModelIndex &index) const
{
    // every cell is editable; the root, which is no cell, is not (QAbstractItemModelTester checks)
    if (!index.isValid())
        return QAbstractTableModel::flags(index);
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

bool ViaCepDatasetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_dataset.size())
        return false;
    ViaCepDataset dataset = m_dataset;
    const ViaCepRecord &old = dataset.records().at(index.row());
    const QString key = ViaCepDataset::keyOrder().at(index.column());
    QString text = value.toString().trimmed();
    if (key == u"cep") {
        const std::optional<QString> digits = ViaCepDataset::normalizeCep(text);
        if (!digits) {
            Q_EMIT editRefused(tr("\"%1\" is not a CEP: write NNNNN-NNN").arg(text));
            return false;
        }
        text = ViaCepDataset::hyphenated(*digits);
    }
    if (old.value(key) == text)
        return false;
    ViaCepRecord record = old;
    record.setValue(key, text);
    const QString cep = old.cep();
    if (const Status updated = dataset.update(cep, record); !updated) {
        Q_EMIT editRefused(updated.errorString());
        return false;
    }
    Q_EMIT datasetEdited(dataset);
    return true;
}

int ViaCepDatasetModel::addRecord()
{
    ViaCepDataset dataset = m_dataset;
    for (int n = 0; n < 1000; ++n) {
        const QString cep = ViaCepDataset::hyphenated(u"%1"_s.arg(n, 8, 10, QChar(u'0')));
        if (dataset.find(cep))
            continue;
        ViaCepRecord record;
        record.setValue(u"cep"_s, cep);
        for (const QString &key : ViaCepDataset::keyOrder())
            if (key != u"cep")
                record.setValue(key, QString());
        if (!dataset.add(record))
            return -1;
        Q_EMIT datasetEdited(dataset);
        return int(dataset.indexOf(cep));
    }
    return -1;
}

bool ViaCepDatasetModel::removeRecord(int row)
{
    ViaCepDataset dataset = m_dataset;
    if (row < 0 || row >= dataset.size())
        return false;
    if (!dataset.remove(dataset.records().at(row).cep()))
        return false;
    Q_EMIT datasetEdited(dataset);
    return true;
}

} // namespace jb
