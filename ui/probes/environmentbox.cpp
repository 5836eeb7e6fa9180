#include "environmentbox.h"

#include "probeplanner.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace jb {

void EnvironmentBox::refill(QComboBox *box, const QList<EntityRecord> &entities, QString &environment)
{
    const QStringList environments = ProbePlanner::environments(entities);
    if (!environments.contains(environment))
        environment = ProbePlanner::defaultEnvironment(entities).value_or(environments.value(0));
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItems(environments);
    box->setCurrentText(environment);
}

} // namespace jb
