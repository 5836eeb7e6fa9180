#pragma once

#include "caseresult.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>
#include <optional>
#include <vector>

namespace jb {

class ProjectDocument;

// The project's unit suites as a tree: suite -> case -> parameter row (a case with rows has one
// child per row; a case without is a leaf). It follows the document's test entities, whoever edits
// them, and keeps the results a run brings (by suite id and case name, so that they survive an
// edit that does not touch the case). A suite or a case with children shows what its leaves add up
// to. A suite file with problems shows as an error with the first problem.
class UnitTestTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnitTestTreeModel)

public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        DurationColumn,
        MessageColumn,
        ColumnCount
    };
    enum class Kind
    {
        Suite,
        Case,
        Row,
    };
    enum class Status
    {
        NotRun,
        Running,
        Passed,
        Failed,
        Error,
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1, // int(Kind)
        StatusRole, // int(Status)
        SuiteIdRole,
        PointerRole, // the written case's JSON Pointer ("/cases/2"); empty for a suite
        RunNameRole, // a leaf's name as its CaseResult has it ("by city [row 2]")
        EntityRowRole, // the suite's row among the document's test entities
    };

    explicit UnitTestTreeModel(ProjectDocument *document, QObject *parent = nullptr);
    ~UnitTestTreeModel() override;

    static QString statusName(Status status);

    void setRunning(const QString &suiteId, const QString &runName);
    void addResult(const CaseResult &result);
    // A run ended: leaves still marked running go back to what they were before.
    void endRun();
    void clearResults();
    // The result of the leaf at `index`, or nullptr (not a leaf, or not run).
    const CaseResult *resultAt(const QModelIndex &index) const;
    QModelIndex suiteIndex(const QString &suiteId) const;
    // The leaf of `suiteId` whose run name is `runName`, or an invalid index.
    QModelIndex leafIndex(const QString &suiteId, const QString &runName) const;
    // The leaves under `index` (itself when it is one), as (suite id, run name).
    QList<std::pair<QString, QString>> leavesUnder(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        Kind kind = Kind::Suite;
        QString suiteId;
        QString name;
        QString pointer;
        QString runName; // leaves only
        QString problem; // a suite with problems
        int entityRow = -1;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        int row() const;
        bool isLeaf() const { return kind != Kind::Suite && children.empty(); }
    };
    struct Summary
    {
        Status status = Status::NotRun;
        std::optional<qint64> durationUs;
        QString message;
    };

    void rebuild();
    void onEntity(const QString &kind);
    Summary summaryOf(const Node *node) const;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    void leafChanged(const QString &suiteId, const QString &runName);
    static QString key(const QString &suiteId, const QString &runName) { return suiteId + u'\n' + runName; }

    ProjectDocument *m_document;
    Node m_root;
    QHash<QString, CaseResult> m_results; // by key()
    QSet<QString> m_running; // keys
};

} // namespace jb
