#pragma once

#include <QWidget>

class QAbstractItemModel;
class QStandardItemModel;
class QTableView;

namespace jb {

class DocumentEditor;
class ProjectDocument;
class TimelineView;

// The journey's timeline as recorded in journey.json: the Gantt chart (TimelineView: planned and
// actual bars, today, late phases; bars dragged to edit, undoably) over the table of each phase's
// owner, dates, checklist completion and state.
class TimelinePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelinePage)

public:
    TimelinePage(DocumentEditor *editor, QAbstractItemModel *navigator, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    TimelineView *chart() const { return m_chart; }

private:
    void refresh();

    ProjectDocument *m_document;
    QStandardItemModel *m_model;
    QTableView *m_view;
    TimelineView *m_chart;
};

} // namespace jb
