#pragma once

#include <QAbstractTableModel>

namespace jb {

class PipeRuntime;

// The ViaCEP mock's records as a table, one column per ViaCEP key in ViaCEP's order. Edits go to
// the runtime, which serves them at once and writes the project's dataset file.
class ViaCepDatasetModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViaCepDatasetModel)

public:
    explicit ViaCepDatasetModel(PipeRuntime *runtime, QObject *parent = nullptr);

    // Adds a record with a free placeholder CEP (00000-000, 00000-001, ...); returns its row.
    int addRecord();
    bool removeRecord(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void editRefused(const QString &message);

private:
    void onDatasetChanged();

    PipeRuntime *m_runtime;
    int m_rows = 0;
};

} // namespace jb
