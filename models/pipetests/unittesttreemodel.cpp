#include "unittesttreemodel.h"

#include "projectdocument.h"
#include "suiteloader.h"
#include "testsuite.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QString testKind = u"test"_s;

// A row's values in one line, as the tree names the row: {"cep": "01001-000"} -> cep=01001-000
QString rowText(const QJsonObject &row)
{
    QStringList parts;
    for (auto it = row.begin(); it != row.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isObject() || value.isArray())
            continue; // a whole answer or record says nothing in one line
        QString text = value.isString()
            ? value.toString()
            : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                  .mid(1)
                  .chopped(1);
        parts.append(it.key() + u'=' + text);
    }
    QString line = parts.join(u", "_s);
    if (line.size() > 80)
        line = line.left(79) + u'…';
    return line;
}

} // namespace

int UnitTestTreeModel::Node::row() const
{
    if (!parent)
        return 0;
    for (size_t i = 0; i < parent->children.size(); ++i) {
        if (parent->children[i].get() == this)
            return int(i);
    }
    return 0;
}

UnitTestTreeModel::UnitTestTreeModel(ProjectDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    // an edit anywhere (a form, the JSON editor, undo, a reload) rebuilds the tree; results are kept
    // by name, so a suite edited elsewhere keeps what its unchanged cases showed
    connect(m_document, &ProjectDocument::wasReset, this, [this] {
        beginResetModel();
        m_results.clear();
        m_running.clear();
        rebuild();
        endResetModel();
    });
    connect(
        m_document, &ProjectDocument::entityInserted, this, [this](const QString &kind) { onEntity(kind); });
    connect(
        m_document, &ProjectDocument::entityRemoved, this, [this](const QString &kind) { onEntity(kind); });
    connect(
        m_document, &ProjectDocument::entityChanged, this, [this](const QString &kind) { onEntity(kind); });
    rebuild();
}

UnitTestTreeModel::~UnitTestTreeModel() = default;

QString UnitTestTreeModel::statusName(Status status)
{
    switch (status) {
    case Status::NotRun:
        return u"not run"_s;
    case Status::Running:
        return u"running"_s;
    case Status::Passed:
        return u"passed"_s;
    case Status::Failed:
        return u"failed"_s;
    case Status::Error:
        return u"error"_s;
    }
    return {};
}

void UnitTestTreeModel::onEntity(const QString &kind)
{
    if (kind != testKind)
        return;
    beginResetModel();
    rebuild();
    endResetModel();
}

void UnitTestTreeModel::rebuild()
{
    m_root.children.clear();
    ProjectData project = m_document->data();
    project.entities = m_document->allEntities();
    const Expectation::ContractSchemas contracts = SuiteLoader::contractSchemas(project);
    const int count = m_document->count(testKind);
    for (int row = 0; row < count; ++row) {
        const EntityRecord &record = m_document->at(testKind, row);
        auto suite = std::make_unique<Node>();
        suite->kind = Kind::Suite;
        suite->suiteId = record.id();
        suite->name = record.name().isEmpty() ? record.id() : record.name();
        suite->entityRow = row;
        suite->parent = &m_root;
        QList<SuiteProblem> problems;
        TestSuite::fromJson(record.data, contracts, &problems);
        if (!problems.isEmpty())
            suite->problem = problems.constFirst().message;
        const QJsonArray cases = record.data.value(u"cases"_s).toArray();
        for (qsizetype i = 0; i < cases.size(); ++i) {
            const QJsonObject written = cases.at(i).toObject();
            auto test = std::make_unique<Node>();
            test->kind = Kind::Case;
            test->suiteId = suite->suiteId;
            test->name = written.value(u"name"_s).toString();
            test->pointer = u"/cases/%1"_s.arg(i);
            test->entityRow = row;
            test->parent = suite.get();
            const QJsonArray rows = written.value(u"rows"_s).toArray();
            for (qsizetype r = 0; r < rows.size(); ++r) {
                auto line = std::make_unique<Node>();
                line->kind = Kind::Row;
                line->suiteId = suite->suiteId;
                line->name = u"row %1: %2"_s.arg(r + 1).arg(rowText(rows.at(r).toObject()));
                line->pointer = test->pointer;
                line->runName = u"%1 [row %2]"_s.arg(test->name).arg(r + 1);
                line->entityRow = row;
                line->parent = test.get();
                test->children.push_back(std::move(line));
            }
            if (test->children.empty())
                test->runName = test->name;
            suite->children.push_back(std::move(test));
        }
        m_root.children.push_back(std::move(suite));
    }
}

UnitTestTreeModel::Node *UnitTestTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : const_cast<Node *>(&m_root);
}

QModelIndex UnitTestTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == &m_root)
        return {};
    return createIndex(node->row(), column, const_cast<Node *>(node));
}

QModelIndex UnitTestTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *owner = nodeOf(parent);
    return createIndex(row, column, owner->children[size_t(row)].get());
}

QModelIndex UnitTestTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int UnitTestTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int UnitTestTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

UnitTestTreeModel::Summary UnitTestTreeModel::summaryOf(const Node *node) const
{
    Summary summary;
    if (node->isLeaf()) {
        const QString k = key(node->suiteId, node->runName);
        if (m_running.contains(k)) {
            summary.status = Status::Running;
            return summary;
        }
        const auto found = m_results.constFind(k);
        if (found != m_results.cend()) {
            summary.status = found->passed ? Status::Passed : Status::Failed;
            summary.durationUs = found->durationUs;
            summary.message = found->failures.isEmpty() ? QString() : found->failures.constFirst();
        }
        return summary;
    }
    // what the leaves below add up to, rows of a case counted one by one
    int passed = 0;
    int failed = 0;
    int running = 0;
    int leaves = 0;
    const std::function<void(const Node *)> tally = [&](const Node *below) {
        for (const auto &child : below->children) {
            if (!child->isLeaf()) {
                tally(child.get());
                continue;
            }
            const Summary part = summaryOf(child.get());
            ++leaves;
            if (part.durationUs)
                summary.durationUs = summary.durationUs.value_or(0) + *part.durationUs;
            passed += part.status == Status::Passed;
            failed += part.status == Status::Failed;
            running += part.status == Status::Running;
            if (summary.message.isEmpty() && !part.message.isEmpty())
                summary.message = part.message;
        }
    };
    tally(node);
    if (!node->problem.isEmpty()) {
        summary.status = Status::Error;
        summary.message = node->problem;
        return summary;
    }
    if (running > 0)
        summary.status = Status::Running;
    else if (failed > 0)
        summary.status = Status::Failed;
    else if (leaves > 0 && passed == leaves)
        summary.status = Status::Passed;
    if (node->kind == Kind::Suite && passed + failed > 0)
        summary.message = failed == 0 ? u"%1 passed"_s.arg(passed)
            : passed == 0             ? u"%1 failed: %2"_s.arg(failed).arg(summary.message)
                          : u"%1 passed, %2 failed: %3"_s.arg(passed).arg(failed).arg(summary.message);
    return summary;
}

QVariant UnitTestTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case KindRole:
        return int(node->kind);
    case SuiteIdRole:
        return node->suiteId;
    case PointerRole:
        return node->pointer;
    case RunNameRole:
        return node->runName;
    case EntityRowRole:
        return node->entityRow;
    case StatusRole:
        return int(summaryOf(node).status);
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn)
            return summaryOf(node).message;
        return {};
    case Qt::DisplayRole: {
        if (index.column() == NameColumn)
            return node->name;
        const Summary summary = summaryOf(node);
        switch (index.column()) {
        case StatusColumn:
            return statusName(summary.status);
        case DurationColumn:
            return summary.durationUs ? u"%1 ms"_s.arg(double(*summary.durationUs) / 1000.0, 0, 'f', 1)
                                      : QString();
        case MessageColumn:
            return summary.message;
        default:
            return {};
        }
    }
    default:
        return {};
    }
}

QVariant UnitTestTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return u"Name"_s;
    case StatusColumn:
        return u"Status"_s;
    case DurationColumn:
        return u"Duration"_s;
    case MessageColumn:
        return u"Message"_s;
    default:
        return {};
    }
}

QModelIndex UnitTestTreeModel::suiteIndex(const QString &suiteId) const
{
    for (const auto &suite : m_root.children) {
        if (suite->suiteId == suiteId)
            return indexOf(suite.get());
    }
    return {};
}

QModelIndex UnitTestTreeModel::leafIndex(const QString &suiteId, const QString &runName) const
{
    const Node *suite = nodeOf(suiteIndex(suiteId));
    if (suite == &m_root)
        return {};
    for (const auto &test : suite->children) {
        if (test->isLeaf() && test->runName == runName)
            return indexOf(test.get());
        for (const auto &line : test->children) {
            if (line->runName == runName)
                return indexOf(line.get());
        }
    }
    return {};
}

QList<std::pair<QString, QString>> UnitTestTreeModel::leavesUnder(const QModelIndex &index) const
{
    QList<std::pair<QString, QString>> leaves;
    const std::function<void(const Node *)> walk = [&](const Node *node) {
        if (node->isLeaf())
            leaves.append({node->suiteId, node->runName});
        for (const auto &child : node->children)
            walk(child.get());
    };
    walk(nodeOf(index));
    return leaves;
}

const CaseResult *UnitTestTreeModel::resultAt(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!index.isValid() || !node->isLeaf())
        return nullptr;
    const auto found = m_results.constFind(key(node->suiteId, node->runName));
    return found == m_results.cend() ? nullptr : &*found;
}

void UnitTestTreeModel::leafChanged(const QString &suiteId, const QString &runName)
{
    // the leaf, and the sums above it
    for (QModelIndex at = leafIndex(suiteId, runName); at.isValid(); at = at.parent())
        Q_EMIT dataChanged(at.siblingAtColumn(0), at.siblingAtColumn(ColumnCount - 1));
}

void UnitTestTreeModel::setRunning(const QString &suiteId, const QString &runName)
{
    m_running.insert(key(suiteId, runName));
    leafChanged(suiteId, runName);
}

void UnitTestTreeModel::addResult(const CaseResult &result)
{
    m_running.remove(key(result.suiteId, result.name));
    m_results.insert(key(result.suiteId, result.name), result);
    leafChanged(result.suiteId, result.name);
}

void UnitTestTreeModel::endRun()
{
    const QSet<QString> running = std::exchange(m_running, {});
    for (const QString &k : running) {
        const qsizetype cut = k.indexOf(u'\n');
        leafChanged(k.left(cut), k.mid(cut + 1));
    }
}

void UnitTestTreeModel::clearResults()
{
    if (m_results.isEmpty() && m_running.isEmpty())
        return;
    m_results.clear();
    m_running.clear();
    const std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        const int rows = rowCount(parent);
        if (rows == 0)
            return;
        Q_EMIT dataChanged(index(0, 0, parent), index(rows - 1, ColumnCount - 1, parent));
        for (int row = 0; row < rows; ++row)
            walk(index(row, 0, parent));
    };
    walk({});
}

} // namespace jb
