#pragma once

#include "checklist.h"

#include <QJsonObject>

namespace jb {

// Where the journey stands: completion per phase and the items still open, as text or JSON.
class ProjectStatus final
{
public:
    static QJsonObject toJson(const QJsonObject &manifest);
    static QString toText(const QJsonObject &manifest);
};

} // namespace jb
