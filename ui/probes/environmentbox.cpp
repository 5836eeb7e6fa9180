#include "environmentbox.h"

#include "probeplanner.h"
#include "probeworkbench.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace jb {

void EnvironmentBox::refill(QComboBox *box, const QList<EntityRecord> &entities, QString &environment)
{
    environment = ProbeWorkbench::environmentFor(entities, environment);
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItems(ProbePlanner::environments(entities));
    box->setCurrentText(environment);
}

} // namespace jb
