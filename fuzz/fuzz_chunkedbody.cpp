// The pipe's reader of chunked answers from upstream servers: any bytes end as incomplete,
// complete or malformed; a complete body is never larger than what held it, and what a whole body
// was decoded from decodes the same when it arrives with more bytes after it.
#include "fuzzinput.h"
#include "pipes/chunkedbody.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = jb::fuzz::bytesOf(data, size);
    const jb::ChunkedBody decoded = jb::ChunkedBody::decode(bytes);
    if (decoded.state != jb::ChunkedBody::State::Complete)
        return 0;
    if (decoded.consumed > bytes.size() || decoded.body.size() > decoded.consumed)
        std::abort();
    const jb::ChunkedBody again
        = jb::ChunkedBody::decode(QByteArray(bytes.first(decoded.consumed) + "GET / HTTP/1.1\r\n"));
    if (again.state != jb::ChunkedBody::State::Complete || again.body != decoded.body
        || again.consumed != decoded.consumed)
        std::abort();
    return 0;
}
