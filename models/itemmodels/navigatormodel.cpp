#include "navigatormodel.h"

#include "checklist.h"
#include "journeyschema.h"
#include "projectdocument.h"
#include "projectvalidator.h"

using namespace Qt::StringLiterals;

namespace jb {

namespace {
constexpr int phaseCount = 10;
constexpr int rowTotal = 13;
} // namespace

NavigatorModel::NavigatorModel(ProjectDocument *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    recountProblems();
    auto entitiesChanged = [this] {
        recountProblems();
        refresh();
    };
    // rows never change: every signal only changes what the rows say
    connect(m_document, &ProjectDocument::wasReset, this, entitiesChanged);
    connect(m_document, &ProjectDocument::entityInserted, this, entitiesChanged);
    connect(m_document, &ProjectDocument::entityRemoved, this, entitiesChanged);
    connect(m_document, &ProjectDocument::entityChanged, this, entitiesChanged);
    connect(m_document, &ProjectDocument::manifestChanged, this, &NavigatorModel::refresh);
}

void NavigatorModel::recountProblems()
{
    m_problemCounts = QList<int>(phaseCount, 0);
    for (int phase = 1; phase <= phaseCount; ++phase) {
        for (const KindSpec *kind : JourneySchema::kindsOfPhase(phase)) {
            for (const EntityRecord &record : m_document->entities(kind->kind))
                m_problemCounts[phase - 1]
                    += static_cast<int>(ProjectValidator::entityProblems(*m_document, record).size());
        }
    }
}

void NavigatorModel::refresh()
{
    Q_EMIT dataChanged(index(0), index(rowTotal - 1));
}

QVariant NavigatorModel::environmentsData(int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return u"Environments"_s;
    case Qt::ToolTipRole:
    case SummaryRole: {
        QStringList ids;
        for (const EntityRecord &record : m_document->entities(u"environment"_s))
            ids.append(record.id());
        const QString which = ids.isEmpty() ? u"none yet"_s : ids.join(u", "_s);
        return u"Where the probes, pipe runs and tests run, with their variables and secret names "
               u"(%1)."_s.arg(which);
    }
    case PageRole:
        return static_cast<int>(Page::Environments);
    case PhaseNumberRole:
    case CompleteCountRole:
    case TotalCountRole:
    case ProblemCountRole:
        return 0;
    case SignedRole:
        return false;
    default:
        return {};
    }
}

int NavigatorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : rowTotal;
}

QVariant NavigatorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index))
        return {};
    const int row = index.row();
    if (row == environmentsRow)
        return environmentsData(role);
    if (row == timelineRow || row == artifactsRow) {
        const bool timeline = row == timelineRow;
        switch (role) {
        case Qt::DisplayRole:
            return timeline ? u"Timeline"_s : u"Artifacts"_s;
        case Qt::ToolTipRole:
        case SummaryRole:
            return timeline ? u"Planned and actual dates and the owner of each phase."_s
                            : u"The documents the journey asks for, ready to export."_s;
        case PageRole:
            return static_cast<int>(timeline ? Page::Timeline : Page::Artifacts);
        case PhaseNumberRole:
        case CompleteCountRole:
        case TotalCountRole:
        case ProblemCountRole:
            return 0;
        case SignedRole:
            return false;
        default:
            return {};
        }
    }
    const Phase phase = static_cast<Phase>(row + 1);
    const PhaseInfo &info = Phases::info(phase);
    switch (role) {
    case Qt::DisplayRole:
        return u"%1  %2"_s.arg(row + 1).arg(info.title);
    case Qt::ToolTipRole: {
        const Completion completion = Checklist::completion(m_document->manifest(), phase);
        QString tip = info.summary
            + u"\n%1 of %2 checklist items complete"_s.arg(completion.complete).arg(completion.total);
        if (const int problems = m_problemCounts.value(row); problems > 0)
            tip += u"\n%1 invalid value(s) to fix"_s.arg(problems);
        return tip;
    }
    case PageRole:
        return static_cast<int>(Page::Phase);
    case PhaseNumberRole:
        return row + 1;
    case CompletionRole:
        return Checklist::completion(m_document->manifest(), phase).ratio();
    case CompleteCountRole:
        return Checklist::completion(m_document->manifest(), phase).complete;
    case TotalCountRole:
        return Checklist::completion(m_document->manifest(), phase).total;
    case SignedRole:
        return Checklist::phaseSignoff(m_document->manifest(), phase).isSigned();
    case SummaryRole:
        return info.summary;
    case ProblemCountRole:
        return m_problemCounts.value(row);
    default:
        return {};
    }
}

} // namespace jb
