#include "timelinepage.h"

#include "checklist.h"
#include "documenteditor.h"
#include "navigatormodel.h"
#include "pageheader.h"
#include "projectdocument.h"
#include "tablestyle.h"
#include "timelineview.h"

#include <QDate>
#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

namespace {
const QStringList dateKeys = {u"plannedStart"_s, u"plannedEnd"_s, u"actualStart"_s, u"actualEnd"_s};
} // namespace

TimelinePage::TimelinePage(DocumentEditor *editor, QAbstractItemModel *navigator, QWidget *parent)
    : QWidget(parent)
    , m_document(editor->document())
    , m_model(new QStandardItemModel(this))
    , m_view(new QTableView(this))
    , m_chart(new TimelineView(editor, this))
{
    m_model->setHorizontalHeaderLabels({u"Phase"_s, u"Owner"_s, u"Planned start"_s, u"Planned end"_s,
        u"Actual start"_s, u"Actual end"_s, u"Checklist"_s, u"State"_s});
    m_view->setModel(m_model);
    TableStyle::apply(m_view);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *note
        = new QLabel(u"Drag a bar to move a phase, or its ends to change a date; Ctrl+Z undoes it."_s, this);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *body = new QVBoxLayout;
    body->setContentsMargins(16, 12, 16, 12);
    body->setSpacing(10);
    body->addWidget(m_chart, 3);
    body->addWidget(note);
    body->addWidget(m_view, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(new PageHeader(navigator, NavigatorModel::timelineRow, this));
    layout->addLayout(body, 1);

    connect(m_document, &ProjectDocument::wasReset, this, &TimelinePage::refresh);
    connect(m_document, &ProjectDocument::manifestChanged, this, &TimelinePage::refresh);
    refresh();
}

void TimelinePage::refresh()
{
    const QJsonObject manifest = m_document->manifest();
    const QJsonObject timeline = manifest.value(u"timeline"_s).toObject();
    const QDate today = QDate::currentDate();
    m_model->setRowCount(0);
    for (const PhaseInfo &info : Phases::all()) {
        const QJsonObject entry = timeline.value(info.key).toObject();
        QList<QStandardItem *> row;
        row.append(new QStandardItem(u"%1  %2"_s.arg(Phases::number(info.phase)).arg(info.title)));
        row.append(new QStandardItem(entry.value(u"owner"_s).toString()));
        for (const QString &key : dateKeys)
            row.append(new QStandardItem(entry.value(key).toString()));
        const Completion completion = Checklist::completion(manifest, info.phase);
        row.append(new QStandardItem(u"%1 / %2"_s.arg(completion.complete).arg(completion.total)));
        QString state;
        const QDate plannedEnd = QDate::fromString(entry.value(u"plannedEnd"_s).toString(), Qt::ISODate);
        if (completion.total > 0 && completion.complete == completion.total)
            state = u"Complete"_s;
        else if (!entry.value(u"actualEnd"_s).toString().isEmpty())
            state = u"Finished"_s;
        else if (plannedEnd.isValid() && plannedEnd < today)
            state = u"Late"_s;
        else if (!entry.value(u"actualStart"_s).toString().isEmpty())
            state = u"Under way"_s;
        else if (!entry.isEmpty())
            state = u"Planned"_s;
        row.append(new QStandardItem(state));
        m_model->appendRow(row);
    }
    TableStyle::fitColumns(m_view);
}

} // namespace jb
