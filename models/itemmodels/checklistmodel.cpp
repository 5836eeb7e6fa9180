#include "checklistmodel.h"

#include "documenteditor.h"
#include "projectdocument.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

bool sameIds(const QList<ChecklistItem> &a, const QList<ChecklistItem> &b, qsizetype skipA, qsizetype skipB)
{
    // a and b hold the same ids in the same order once a[skipA] and b[skipB] are left out (-1: none)
    qsizetype i = 0;
    qsizetype j = 0;
    while (true) {
        if (i == skipA)
            ++i;
        if (j == skipB)
            ++j;
        if (i >= a.size() || j >= b.size())
            return i >= a.size() && j >= b.size();
        if (a.at(i).id != b.at(j).id)
            return false;
        ++i;
        ++j;
    }
}

QString slug(const QString &title)
{
    QString id;
    for (const QChar c : title.normalized(QString::NormalizationForm_D).toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            id += c;
        else if (c.category() == QChar::Mark_NonSpacing)
            continue; // the accent of a decomposed letter
        else if (!id.isEmpty() && !id.endsWith(u'-'))
            id += u'-';
    }
    while (id.endsWith(u'-'))
        id.chop(1);
    id.truncate(48);
    return id.isEmpty() ? u"item"_s : id;
}

} // namespace

ChecklistModel::ChecklistModel(DocumentEditor *editor, Phase phase, QObject *parent)
    : QAbstractTableModel(parent)
    , m_editor(editor)
    , m_document(editor->document())
    , m_phase(phase)
    , m_items(Checklist::items(m_document->manifest(), phase))
{
    connect(m_document, &ProjectDocument::aboutToReset, this, [this] { beginResetModel(); });
    connect(m_document, &ProjectDocument::wasReset, this, [this] {
        m_items = Checklist::items(m_document->manifest(), m_phase);
        endResetModel();
    });
    connect(m_document, &ProjectDocument::manifestChanged, this, &ChecklistModel::refresh);
}

void ChecklistModel::refresh()
{
    QList<ChecklistItem> now = Checklist::items(m_document->manifest(), m_phase);
    const qsizetype oldSize = m_items.size();
    const qsizetype newSize = now.size();
    auto firstDifference = [&] {
        qsizetype i = 0;
        while (i < oldSize && i < newSize && m_items.at(i).id == now.at(i).id)
            ++i;
        return i;
    };
    if (newSize == oldSize + 1 && sameIds(m_items, now, -1, firstDifference())) {
        const int row = static_cast<int>(firstDifference());
        beginInsertRows({}, row, row);
        m_items = std::move(now);
        endInsertRows();
    } else if (newSize + 1 == oldSize && sameIds(m_items, now, firstDifference(), -1)) {
        const int row = static_cast<int>(firstDifference());
        beginRemoveRows({}, row, row);
        m_items = std::move(now);
        endRemoveRows();
    } else if (newSize == oldSize && sameIds(m_items, now, -1, -1)) {
        m_items = std::move(now);
        if (!m_items.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_items = std::move(now);
        endResetModel();
    }
}

ChecklistItem ChecklistModel::item(int row) const
{
    return m_items.value(row);
}

Completion ChecklistModel::completion() const
{
    Completion completion;
    for (const ChecklistItem &item : m_items) {
        if (item.status == ChecklistItem::Status::NotApplicable)
            continue;
        ++completion.total;
        if (item.isComplete())
            ++completion.complete;
    }
    return completion;
}

void ChecklistModel::writeItem(const ChecklistItem &item, const QString &text)
{
    m_editor->setManifest(Checklist::withItem(m_document->manifest(), m_phase, item), text);
}

void ChecklistModel::signOff(int row, const Signoff &signoff)
{
    if (row < 0 || row >= m_items.size() || !signoff.isSigned())
        return;
    ChecklistItem changed = m_items.at(row);
    changed.signoff = signoff;
    if (changed.signoff.at.isEmpty()) {
        // with the UTC offset, so the record means the same wherever the project is read
        const QDateTime now = QDateTime::currentDateTime();
        changed.signoff.at = now.toOffsetFromUtc(now.offsetFromUtc()).toString(Qt::ISODate);
    }
    writeItem(changed, u"Sign off %1"_s.arg(changed.id));
}

void ChecklistModel::clearSignoff(int row)
{
    if (row < 0 || row >= m_items.size() || !m_items.at(row).signoff.isSigned())
        return;
    ChecklistItem changed = m_items.at(row);
    changed.signoff = {};
    writeItem(changed, u"Clear the sign-off of %1"_s.arg(changed.id));
}

int ChecklistModel::addCustomItem(const QString &title)
{
    const QString text = title.simplified();
    if (text.isEmpty())
        return -1;
    const QString stem = slug(text);
    auto taken = [this](const QString &id) {
        return std::any_of(
            m_items.cbegin(), m_items.cend(), [&](const ChecklistItem &i) { return i.id == id; });
    };
    QString id = stem;
    for (int n = 2; taken(id); ++n)
        id = stem + u'-' + QString::number(n);
    ChecklistItem added;
    added.id = id;
    added.title = text;
    added.custom = true;
    writeItem(added, u"Add checklist item %1"_s.arg(id));
    for (qsizetype row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == id)
            return static_cast<int>(row);
    }
    return -1;
}

void ChecklistModel::removeCustomItem(int row)
{
    if (row < 0 || row >= m_items.size() || !m_items.at(row).custom)
        return;
    const QString id = m_items.at(row).id;
    m_editor->setManifest(
        Checklist::withoutItem(m_document->manifest(), m_phase, id), u"Remove checklist item %1"_s.arg(id));
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int ChecklistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index))
        return {};
    const ChecklistItem &item = m_items.at(index.row());
    switch (role) {
    case ItemIdRole:
        return item.id;
    case StatusRole:
        return static_cast<int>(item.status);
    case CompleteRole:
        return item.isComplete();
    case NeedsSignoffRole:
        return item.needsSignoff;
    case StatusChoicesRole: {
        QStringList labels;
        for (const auto status : {ChecklistItem::Status::Open, ChecklistItem::Status::InProgress,
                 ChecklistItem::Status::Done, ChecklistItem::Status::NotApplicable})
            labels.append(ChecklistItem::statusLabel(status));
        return labels;
    }
    default:
        break;
    }
    switch (index.column()) {
    case TitleColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return item.title;
        if (role == Qt::ToolTipRole) {
            if (item.needsSignoff)
                return QString(item.title + u"\nThe journey asks for a sign-off on this item."_s);
            return item.title;
        }
        return {};
    case StatusColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return ChecklistItem::statusLabel(item.status);
        if (role == Qt::ToolTipRole && item.status == ChecklistItem::Status::Done && !item.isComplete())
            return u"Done, but not complete until it is signed off"_s;
        return {};
    case OwnerColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return item.owner;
        return {};
    case EvidenceColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return item.evidence.join(u", "_s);
        if (role == Qt::ToolTipRole && !item.evidence.isEmpty())
            return item.evidence.join(u'\n');
        return {};
    case SignoffColumn: {
        if (role == Qt::DisplayRole) {
            if (!item.signoff.isSigned())
                return QString();
            const QDateTime at = QDateTime::fromString(item.signoff.at, Qt::ISODate);
            const QString date = at.isValid() ? at.date().toString(Qt::ISODate) : item.signoff.at;
            const QString signedBy
                = date.isEmpty() ? item.signoff.by : u"%1 — %2"_s.arg(item.signoff.by, date);
            return item.signoff.isOverride() ? signedBy + u" (signed while open)"_s : signedBy;
        }
        if (role == Qt::ToolTipRole) {
            if (item.signoff.isSigned()) {
                QString tip = item.signoff.comment.isEmpty()
                    ? item.signoff.at
                    : QString(item.signoff.at + u": "_s + item.signoff.comment);
                if (item.signoff.isOverride())
                    tip += u'\n' + item.signoff.overrideNote();
                return tip;
            }
            return item.needsSignoff ? u"Needs a sign-off"_s : QVariant();
        }
        return {};
    }
    default:
        return {};
    }
}

std::optional<ChecklistItem::Status> ChecklistModel::parseStatus(const QVariant &value)
{
    using Status = ChecklistItem::Status;
    static const QList<Status> all = {Status::Open, Status::InProgress, Status::Done, Status::NotApplicable};
    if (value.typeId() != QMetaType::QString) {
        bool ok = false;
        const int number = value.toInt(&ok);
        if (ok && number >= 0 && number < all.size())
            return all.at(number);
        return std::nullopt;
    }
    const QString text = value.toString().trimmed();
    for (const Status status : all) {
        if (text.compare(ChecklistItem::statusLabel(status), Qt::CaseInsensitive) == 0
            || text.compare(ChecklistItem::statusKey(status), Qt::CaseInsensitive) == 0)
            return status;
    }
    return std::nullopt;
}

bool ChecklistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index))
        return false;
    ChecklistItem changed = m_items.at(index.row());
    QString text;
    if (role == StatusRole || (role == Qt::EditRole && index.column() == StatusColumn)) {
        const std::optional<ChecklistItem::Status> status = parseStatus(value);
        if (!status)
            return false;
        changed.status = *status;
        text = u"Set %1 to %2"_s.arg(changed.id, ChecklistItem::statusLabel(*status));
    } else if (role != Qt::EditRole) {
        return false;
    } else if (index.column() == OwnerColumn) {
        changed.owner = value.toString().simplified();
        text = u"Set the owner of %1"_s.arg(changed.id);
    } else if (index.column() == EvidenceColumn) {
        static const QRegularExpression separators(u"[,;\\n]"_s);
        changed.evidence.clear();
        for (const QString &part : value.toString().split(separators, Qt::SkipEmptyParts)) {
            if (!part.trimmed().isEmpty())
                changed.evidence.append(part.trimmed());
        }
        text = u"Set the evidence of %1"_s.arg(changed.id);
    } else if (index.column() == TitleColumn && changed.custom) {
        changed.title = value.toString().simplified();
        if (changed.title.isEmpty())
            return false;
        text = u"Rename checklist item %1"_s.arg(changed.id);
    } else {
        return false;
    }
    writeItem(changed, text);
    return true;
}

QVariant ChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return u"Item"_s;
    case StatusColumn:
        return u"Status"_s;
    case OwnerColumn:
        return u"Owner"_s;
    case EvidenceColumn:
        return u"Evidence"_s;
    case SignoffColumn:
        return u"Sign-off"_s;
    default:
        return {};
    }
}

Qt::ItemFlags ChecklistModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index))
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    switch (index.column()) {
    case StatusColumn:
    case OwnerColumn:
    case EvidenceColumn:
        return flags | Qt::ItemIsEditable;
    case TitleColumn:
        return m_items.at(index.row()).custom ? flags | Qt::ItemIsEditable : flags;
    default:
        return flags;
    }
}

} // namespace jb
