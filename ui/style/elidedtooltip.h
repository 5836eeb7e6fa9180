#pragma once

#include <QObject>

class QAbstractItemView;

namespace jb {

// A cell whose text is cut short (elided in the middle) shows its whole text as a tooltip when the
// model has no tooltip of its own for it. Installed on a view's viewport; owned by the view.
class ElidedToolTip final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedToolTip)

public:
    static void install(QAbstractItemView *view);
    // Whether `index`'s text is wider than its cell in `view` (what the tooltip is for).
    static bool isElided(const QAbstractItemView *view, const QModelIndex &index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ElidedToolTip(QAbstractItemView *view);

    QAbstractItemView *m_view;
};

} // namespace jb
