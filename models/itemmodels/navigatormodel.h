#pragma once

#include <QAbstractListModel>

namespace jb {

class ProjectDocument;

// The journey navigator: the ten phases, then Timeline, Artifacts and Environments (which serve
// many phases and so are none of them). Each phase row carries its checklist completion and
// follows every checklist change.
class NavigatorModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigatorModel)

public:
    enum class Page
    {
        Phase,
        Timeline,
        Artifacts,
        Environments
    };
    enum Role
    {
        PageRole = Qt::UserRole + 1, // int (Page)
        PhaseNumberRole, // int 1..10, 0 for the other pages
        CompletionRole, // double 0..1 (phases only)
        CompleteCountRole, // int
        TotalCountRole, // int
        SignedRole, // bool: the phase is signed off
        SummaryRole, // QString
        ProblemCountRole, // int: invalid values in this phase's entities
    };

    explicit NavigatorModel(ProjectDocument *document, QObject *parent = nullptr);

    static constexpr int timelineRow = 10;
    static constexpr int artifactsRow = 11;
    static constexpr int environmentsRow = 12;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QVariant environmentsData(int role) const;
    void refresh();
    void recountProblems();

    ProjectDocument *m_document;
    QList<int> m_problemCounts; // per phase, recomputed on change
};

} // namespace jb
