#pragma once

#include <QIdentityProxyModel>

namespace jb {

// The firewall request table as shown: the status column with the probe glyph of what the latest
// probe found (open, or closed in some way, or not tested yet).
class FirewallTableProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirewallTableProxy)

public:
    explicit FirewallTableProxy(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // "pass", "fail" or "" (not tested) for a firewall row's status text.
    static QString statusKey(const QString &status);
};

} // namespace jb
