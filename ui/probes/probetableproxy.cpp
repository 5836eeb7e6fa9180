#include "probetableproxy.h"

#include "proberesultsmodel.h"

#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace jb {

ProbeTableProxy::ProbeTableProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void ProbeTableProxy::setPhase(int phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    invalidateRowsFilter();
}

bool ProbeTableProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_phase == 0)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(ProbeResultsModel::PhaseRole).toInt() == m_phase;
}

QColor ProbeTableProxy::insecureColor()
{
    return QColor(0xc6, 0x28, 0x28);
}

QIcon ProbeTableProxy::statusIcon(const QString &statusKey, bool warning)
{
    // drawn, not themed: the four states must read the same on every platform and palette
    QColor fill(0x9e, 0x9e, 0x9e);
    if (statusKey == u"pass")
        fill = warning ? QColor(0xe0, 0x9b, 0x1a) : QColor(0x2e, 0x9d, 0x5b);
    else if (statusKey == u"fail")
        fill = QColor(0xd6, 0x45, 0x45);
    else if (statusKey == u"error")
        fill = QColor(0x8e, 0x44, 0xad);
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    if (statusKey.isEmpty()) {
        p.setPen(QPen(fill, 3));
        p.drawEllipse(QRectF(5, 5, 22, 22));
        return QIcon(pixmap);
    }
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawEllipse(QRectF(3, 3, 26, 26));
    p.setPen(QPen(Qt::white, 3.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (statusKey == u"pass") {
        p.drawPolyline(QPolygonF({QPointF(10, 16.5), QPointF(14, 20.5), QPointF(22, 11.5)}));
    } else if (statusKey == u"fail") {
        p.drawLine(QPointF(11, 11), QPointF(21, 21));
        p.drawLine(QPointF(21, 11), QPointF(11, 21));
    } else if (statusKey == u"error") {
        p.drawLine(QPointF(16, 9), QPointF(16, 17.5));
        p.drawPoint(QPointF(16, 22.5));
    } else {
        p.drawLine(QPointF(10, 16), QPointF(22, 16));
    }
    return QIcon(pixmap);
}

QVariant ProbeTableProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const QModelIndex source = mapToSource(index);
    const bool status = index.column() == ProbeResultsModel::StatusColumn;
    const bool enabled = source.data(ProbeResultsModel::EnabledRole).toBool();
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == ProbeResultsModel::TargetColumn) {
            const QString name = source.data(ProbeResultsModel::ProbeNameRole).toString();
            const QString target = source.data(Qt::DisplayRole).toString();
            return name.isEmpty() || name == target ? target : QString(name + u"  —  "_s + target);
        }
        break;
    case Qt::DecorationRole:
        if (status)
            return statusIcon(enabled ? source.data(ProbeResultsModel::StatusRole).toString() : u"skipped"_s,
                source.data(ProbeResultsModel::WarningRole).toBool());
        break;
    case Qt::CheckStateRole:
        if (status)
            return enabled ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ForegroundRole:
        if (source.data(ProbeResultsModel::InsecureRole).toBool())
            return insecureColor();
        if (!enabled)
            return QColor(0x80, 0x80, 0x80);
        break;
    case Qt::ToolTipRole:
        if (source.data(ProbeResultsModel::InsecureRole).toBool())
            return QString(u"TLS verification is OFF for this probe.\n"_s + source.data(role).toString());
        break;
    }
    return QSortFilterProxyModel::data(index, role);
}

Qt::ItemFlags ProbeTableProxy::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QSortFilterProxyModel::flags(index);
    if (index.isValid() && index.column() == ProbeResultsModel::StatusColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool ProbeTableProxy::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole || index.column() != ProbeResultsModel::StatusColumn)
        return false;
    const QModelIndex source = mapToSource(index);
    const bool enabled = value.toInt() == Qt::Checked;
    if (enabled == source.data(ProbeResultsModel::EnabledRole).toBool())
        return false;
    Q_EMIT enabledToggled(source.data(ProbeResultsModel::ProbeIdRole).toString(), enabled);
    return true;
}

} // namespace jb
