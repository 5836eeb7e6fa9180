#include "firewalltableproxy.h"

#include "firewallrequestmodel.h"
#include "probetableproxy.h"

using namespace Qt::StringLiterals;

namespace jb {

FirewallTableProxy::FirewallTableProxy(QObject *parent)
    : QIdentityProxyModel(parent)
{ }

QString FirewallTableProxy::statusKey(const QString &status)
{
    if (status.isEmpty() || status.startsWith(u"not tested"))
        return {};
    return status == u"open" || status == u"pass" ? u"pass"_s : u"fail"_s;
}

QVariant FirewallTableProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole && index.column() == FirewallRequestModel::StatusColumn)
        return ProbeTableProxy::statusIcon(
            statusKey(index.data(FirewallRequestModel::StatusRole).toString()));
    return QIdentityProxyModel::data(index, role);
}

} // namespace jb
