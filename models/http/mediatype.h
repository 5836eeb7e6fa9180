#pragma once

#include <QByteArrayView>

namespace jb::MediaType {

// The Content-Type of every JSON answer the mock and the pipe host write.
inline constexpr QByteArrayView json{"application/json; charset=utf-8"};
// ... and of every answer that is text and not JSON.
inline constexpr QByteArrayView text{"text/plain; charset=utf-8"};

} // namespace jb::MediaType
