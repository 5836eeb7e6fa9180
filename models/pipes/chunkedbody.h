#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace jb {

// The body of an answer in HTTP/1.1 chunked transfer coding (RFC 9112 section 7.1), read from the
// bytes received so far. Pure, so that it can be fuzzed: the bytes come from servers we do not
// control, and a size that is negative, not hexadecimal or past 2^62 is malformed, never a loop.
struct ChunkedBody
{
    enum class State
    {
        Incomplete, // more bytes are needed
        Complete, // `body` is whole and `consumed` bytes of the buffer held it (trailers included)
        Malformed, // `error` says why
    };

    State state = State::Incomplete;
    QByteArray body;
    qsizetype consumed = 0;
    const char *error = nullptr;

    static ChunkedBody decode(QByteArrayView buffer);
};

} // namespace jb
