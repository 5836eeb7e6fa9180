#include "viacepdatasetmodel.h"

#include "piperuntime.h"

using namespace Qt::StringLiterals;

namespace jb {

ViaCepDatasetModel::ViaCepDatasetModel(PipeRuntime *runtime, QObject *parent)
    : QAbstractTableModel(parent)
    , m_runtime(runtime)
    , m_rows(int(runtime->dataset().size()))
{
    connect(runtime, &PipeRuntime::datasetChanged, this, &ViaCepDatasetModel::onDatasetChanged);
}

void ViaCepDatasetModel::onDatasetChanged()
{
    const int rows = int(m_runtime->dataset().size());
    if (rows == m_rows) {
        if (rows > 0)
            Q_EMIT dataChanged(index(0, 0), index(rows - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int ViaCepDatasetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ViaCepDatasetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ViaCepDataset::keyOrder().size());
}

QVariant ViaCepDatasetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runtime->dataset().size())
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    const ViaCepRecord &record = m_runtime->dataset().records().at(index.row());
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
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

bool ViaCepDatasetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_runtime->dataset().size())
        return false;
    ViaCepDataset dataset = m_runtime->dataset();
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
    m_runtime->setDataset(std::move(dataset));
    return true;
}

int ViaCepDatasetModel::addRecord()
{
    ViaCepDataset dataset = m_runtime->dataset();
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
        m_runtime->setDataset(std::move(dataset));
        return int(m_runtime->dataset().indexOf(cep));
    }
    return -1;
}

bool ViaCepDatasetModel::removeRecord(int row)
{
    ViaCepDataset dataset = m_runtime->dataset();
    if (row < 0 || row >= dataset.size())
        return false;
    if (!dataset.remove(dataset.records().at(row).cep()))
        return false;
    m_runtime->setDataset(std::move(dataset));
    return true;
}

} // namespace jb
