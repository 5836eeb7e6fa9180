#pragma once

#include "viacepdataset.h"

#include <QAbstractTableModel>

namespace jb {

// The ViaCEP mock's records as a table, one column per ViaCEP key in ViaCEP's order. The model
// shows the dataset it was last given and owns none: an edit is offered as datasetEdited, and
// whoever serves the mock applies it (and writes the project's dataset file), then gives the
// result back through setDataset. So the table never shows a dataset that the mock does not serve.
class ViaCepDatasetModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViaCepDatasetModel)

public:
    explicit ViaCepDatasetModel(QObject *parent = nullptr);

    // The dataset being served: a reset when the number of records changes, else a dataChanged.
    void setDataset(const ViaCepDataset &dataset);
    const ViaCepDataset &dataset() const { return m_dataset; }

    // Offers the dataset with a record added under a free placeholder CEP (00000-000, 00000-001,
    // ...); returns its row in that dataset, or -1.
    int addRecord();
    bool removeRecord(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    // The dataset as the user's edit would leave it; not shown until it comes back by setDataset.
    void datasetEdited(const ViaCepDataset &dataset);
    void editRefused(const QString &message);

private:
    ViaCepDataset m_dataset;
};

} // namespace jb
