#pragma once

#include <string_view>

namespace jb {

// Whether the bytes a load connection received so far hold a whole HTTP/1.x answer. Only what the
// runner needs: the status and where the answer ends (Content-Length, chunked, or the server's
// close), without copying the body. Pure, so that it can be fuzzed: the bytes come from the
// server under load.
struct LoadAnswer
{
    enum State
    {
        Incomplete,
        Complete,
        CompleteAndClose, // complete, and the server closes the connection after it
        Malformed,
    };

    // A header block larger than this is not an answer we can read.
    static constexpr std::size_t MaxHeaderBytes = 64 * 1024;

    // `headRequest`: the answer to a HEAD has no body whatever its headers say. `eof`: the server
    // closed the connection after `in`.
    static State parse(std::string_view in, bool headRequest, bool eof, int &status);
};

} // namespace jb
