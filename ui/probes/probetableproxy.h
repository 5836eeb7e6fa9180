#pragma once

#include <QIcon>
#include <QSortFilterProxyModel>

namespace jb {

// What the probes table shows of ProbeResultsModel: the probes of one phase (or all), a status
// icon and an enable check box in the status column, the probe's name beside its target, and a
// red row when TLS verification is switched off for the probe. Ticking the box does not change the
// model: it asks, through enabledToggled(), for an undoable edit of the project.
class ProbeTableProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeTableProxy)

public:
    explicit ProbeTableProxy(QObject *parent = nullptr);

    void setPhase(int phase); // 0 = every phase
    int phase() const { return m_phase; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The glyph of a status key ("pass", "fail", "error", "skipped", "" for not run).
    static QIcon statusIcon(const QString &statusKey, bool warning = false);
    static QColor insecureColor();

Q_SIGNALS:
    void enabledToggled(const QString &probeId, bool enabled);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_phase = 0;
};

} // namespace jb
