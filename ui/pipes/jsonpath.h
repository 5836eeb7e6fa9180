#pragma once

#include <QJsonValue>
#include <QStringList>

namespace jb {

// A place inside a JSON document written as keys and array indices: {"steps", "2", "when", "0"}.
// The pipe page names a step by its path so that an edit rewrites exactly that step and nothing
// around it.
class JsonPath final
{
public:
    static QJsonValue valueAt(const QJsonValue &root, const QStringList &path);
    // `root` with the value at `path` replaced (undefined `value`: removed from its object).
    static QJsonValue withValueAt(const QJsonValue &root, const QStringList &path, const QJsonValue &value);
};

} // namespace jb
