#include "pipetracemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr int lineLength = 200;

QString pretty(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString oneLine(const QJsonValue &value)
{
    QString text;
    if (value.isString()) {
        text = value.toString();
    } else {
        const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        text = QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
    }
    text.replace(u'\n', u' ');
    return text.size() > lineLength ? text.left(lineLength - 1) + u'…' : text;
}

QStandardItem *detailItem(const QString &label, const QJsonValue &value)
{
    auto *item = new QStandardItem(label + u"  "_s + oneLine(value));
    item->setData(pretty(value), PipeTraceModel::DetailRole);
    item->setEditable(false);
    return item;
}

} // namespace

PipeTraceModel::PipeTraceModel(QObject *parent)
    : QStandardItemModel(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({tr("Step"), tr("Type"), tr("Status"), tr("ms")});
}

void PipeTraceModel::setTrace(const PipeTrace &trace)
{
    m_trace = trace;
    removeRows(0, rowCount());
    for (const TraceEntry &entry : trace.entries) {
        QString name = QString(entry.depth * 2, u' ') + entry.id;
        if (entry.onException)
            name += u"  (on exception)"_s;
        auto *step = new QStandardItem(name);
        step->setData(entry.id, StepIdRole);
        step->setData(pretty(entry.toJson()), DetailRole);
        auto *type = new QStandardItem(entry.type);
        auto *status = new QStandardItem(TraceEntry::statusName(entry.status));
        if (entry.status == TraceEntry::Status::Failed)
            status->setForeground(QColor(0xc6, 0x28, 0x28));
        else if (entry.status == TraceEntry::Status::Ok)
            status->setForeground(QColor(0x2e, 0x7d, 0x32));
        auto *duration = new QStandardItem;
        duration->setData(double(entry.durationUs) / 1000.0, Qt::DisplayRole);
        duration->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QList<QStandardItem *> row{step, type, status, duration};
        for (QStandardItem *item : row)
            item->setEditable(false);
        if (!entry.input.isUndefined() && !entry.input.isNull())
            step->appendRow(detailItem(tr("input"), entry.input));
        if (!entry.output.isUndefined() && !entry.output.isNull())
            step->appendRow(detailItem(tr("output"), entry.output));
        for (const TraceEntry::Log &log : entry.logs)
            step->appendRow(detailItem(tr("log %1").arg(log.level), log.message));
        appendRow(row);
    }
}

QString PipeTraceModel::summary() const
{
    QStringList lines;
    for (const TraceEntry &entry : m_trace.entries)
        lines.append(entry.id + u' ' + TraceEntry::statusName(entry.status));
    return lines.join(u'\n');
}

} // namespace jb
