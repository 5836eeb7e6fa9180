#include "pipeflowmodel.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr int summaryLength = 160;

QString cardText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

} // namespace

PipeFlowModel::PipeFlowModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void PipeFlowModel::setPipe(const QJsonObject &pipe)
{
    beginResetModel();
    m_cards.clear();
    const QJsonObject trigger = pipe.value(u"trigger"_s).toObject();
    Card head;
    head.kind = Kind::Trigger;
    head.type = trigger.value(u"type"_s).toString(u"rest"_s);
    head.path = {u"trigger"_s};
    if (head.type == u"event") {
        head.title = u"Event trigger"_s;
        head.summary = u"on \"%1\""_s.arg(trigger.value(u"event"_s).toString());
    } else {
        head.title = u"REST trigger"_s;
        head.summary
            = trigger.value(u"method"_s).toString(u"GET"_s) + u' ' + trigger.value(u"path"_s).toString();
    }
    if (trigger.contains(u"timeoutMs"_s))
        head.summary += u"  ·  timeout %1 ms"_s.arg(trigger.value(u"timeoutMs"_s).toInteger());
    m_cards.append(head);
    addSteps(pipe.value(u"steps"_s).toArray(), {u"steps"_s}, 0);
    const QJsonArray onException = pipe.value(u"onException"_s).toArray();
    if (!onException.isEmpty()) {
        Card section;
        section.kind = Kind::Section;
        section.title = u"On exception"_s;
        section.summary = u"runs when a step fails with failOnError \"stop\""_s;
        m_cards.append(section);
        addSteps(onException, {u"onException"_s}, 0);
    }
    endResetModel();
}

void PipeFlowModel::addSteps(const QJsonArray &steps, const QStringList &path, int depth)
{
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QJsonObject step = steps.at(i).toObject();
        Card card;
        card.kind = Kind::Step;
        card.depth = depth;
        card.id = step.value(u"id"_s).toString();
        card.type = step.value(u"type"_s).toString();
        card.title = step.value(u"name"_s).toString(card.id);
        card.summary = summaryOf(step);
        card.path = path + QStringList{QString::number(i)};
        m_cards.append(card);
        if (card.type != u"choice")
            continue;
        const QJsonArray when = step.value(u"when"_s).toArray();
        for (qsizetype b = 0; b < when.size(); ++b) {
            Card branch;
            branch.kind = Kind::Branch;
            branch.depth = depth + 1;
            branch.type = u"when"_s;
            branch.title = u"when"_s;
            branch.summary = when.at(b).toObject().value(u"condition"_s).toString();
            branch.path = card.path + QStringList{u"when"_s, QString::number(b)};
            m_cards.append(branch);
            addSteps(when.at(b).toObject().value(u"steps"_s).toArray(), branch.path + QStringList{u"steps"_s},
                depth + 2);
        }
        if (step.contains(u"otherwise"_s)) {
            Card branch;
            branch.kind = Kind::Branch;
            branch.depth = depth + 1;
            branch.type = u"otherwise"_s;
            branch.title = u"otherwise"_s;
            m_cards.append(branch);
            addSteps(
                step.value(u"otherwise"_s).toArray(), card.path + QStringList{u"otherwise"_s}, depth + 2);
        }
    }
}

QString PipeFlowModel::summaryOf(const QJsonObject &step)
{
    const QString type = step.value(u"type"_s).toString();
    QString text;
    if (type == u"http")
        text = step.value(u"method"_s).toString(u"GET"_s) + u' ' + step.value(u"url"_s).toString();
    else if (type == u"validate")
        text = step.contains(u"regex"_s) ? u"regex "_s + step.value(u"regex"_s).toString() : u"JSON Schema"_s;
    else if (type == u"respond")
        text
            = QString::number(step.value(u"status"_s).toInt(200)) + u"  "_s + cardText(step.value(u"body"_s));
    else if (type == u"set")
        text = cardText(step.value(u"value"_s));
    else if (type == u"publish")
        text = u"event "_s + step.value(u"event"_s).toString();
    else if (type == u"log")
        text = cardText(step.value(u"message"_s));
    else if (type == u"choice")
        text = u"%1 branch(es)"_s.arg(
            step.value(u"when"_s).toArray().size() + (step.contains(u"otherwise"_s) ? 1 : 0));
    if (step.value(u"failOnError"_s).toString() == u"continue")
        text += u"  ·  continues on error"_s;
    return text.size() > summaryLength ? text.left(summaryLength - 1) + u'…' : text;
}

void PipeFlowModel::setTrace(const PipeTrace &trace)
{
    m_runs.clear();
    for (const TraceEntry &entry : trace.entries)
        m_runs.insert(entry.id, {entry.status, entry.durationUs});
    if (!m_cards.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_cards.size()) - 1), {RunStatusRole, DurationRole});
}

void PipeFlowModel::clearTrace()
{
    setTrace({});
}

void PipeFlowModel::setCoverage(const QSet<QString> &coveredSteps)
{
    m_covered = coveredSteps;
    if (!m_cards.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_cards.size()) - 1), {CoveredRole, Qt::ToolTipRole});
}

void PipeFlowModel::clearCoverage()
{
    if (!m_covered)
        return;
    m_covered.reset();
    if (!m_cards.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_cards.size()) - 1), {CoveredRole, Qt::ToolTipRole});
}

int PipeFlowModel::rowOfPath(const QStringList &path) const
{
    for (qsizetype row = 0; row < m_cards.size(); ++row) {
        if (m_cards.at(row).path == path)
            return int(row);
    }
    return -1;
}

int PipeFlowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cards.size());
}

QVariant PipeFlowModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cards.size())
        return {};
    const Card &card = m_cards.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return card.title;
    case Qt::ToolTipRole:
        if (card.kind == Kind::Step && m_covered) {
            return QString(card.summary
                + (m_covered->contains(card.id) ? u"\ncovered by the unit tests"_s
                                                : u"\nnot covered by the unit tests"_s));
        }
        return card.summary;
    case CoveredRole:
        if (card.kind == Kind::Step && m_covered)
            return m_covered->contains(card.id);
        return {};
    case KindRole:
        return int(card.kind);
    case DepthRole:
        return card.depth;
    case IdRole:
        return card.id;
    case TypeRole:
        return card.type;
    case SummaryRole:
        return card.summary;
    case PathRole:
        return card.path;
    case RunStatusRole:
        if (card.kind == Kind::Step && m_runs.contains(card.id))
            return int(m_runs.value(card.id).status);
        return {};
    case DurationRole:
        if (card.kind == Kind::Step && m_runs.contains(card.id))
            return m_runs.value(card.id).durationUs;
        return {};
    default:
        return {};
    }
}

} // namespace jb
