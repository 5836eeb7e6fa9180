#pragma once

#include "projectdata.h"

#include <QList>
#include <QString>

class QComboBox;

namespace jb {

class EnvironmentBox final
{
public:
    // Fills `box` with the project's environments without signalling, keeping `environment` when it
    // still exists and otherwise choosing the project's default (updating `environment`).
    static void refill(QComboBox *box, const QList<EntityRecord> &entities, QString &environment);
};

} // namespace jb
