#include "diagnostic.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

QString Diagnostic::format() const
{
    const QString prefix = severity == Severity::Warning ? u"warning: "_s : QString();
    if (!hasPosition())
        return u"%1: %2%3"_s.arg(file, prefix, message);
    return u"%1:%2:%3: %4%5"_s.arg(file).arg(line).arg(column).arg(prefix, message);
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
}

} // namespace jb
