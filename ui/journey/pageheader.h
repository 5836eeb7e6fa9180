#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QProgressBar;

namespace jb {

// The head of a page: the phase number in a badge, the title, the one-line summary and, for
// phases, the checklist completion, the sign-off and the problem count. It reads one row of the
// NavigatorModel and follows it, so the navigator and the page never disagree.
class PageHeader final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageHeader)

public:
    PageHeader(QAbstractItemModel *navigator, int row, QWidget *parent = nullptr);

    QString completionText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();

    QPersistentModelIndex m_index;
    int m_number = 0;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_completion;
    QLabel *m_state;
    QProgressBar *m_bar;
};

} // namespace jb
