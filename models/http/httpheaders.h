#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace jb {

// HTTP header fields in the order they were received or are to be written, names as spelled.
using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

} // namespace jb
