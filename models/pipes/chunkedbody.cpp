#include "chunkedbody.h"

#include <charconv>

namespace jb {

namespace {

constexpr QByteArrayView lineEnd("\r\n");

ChunkedBody malformed(const char *why)
{
    ChunkedBody result;
    result.state = ChunkedBody::State::Malformed;
    result.error = why;
    return result;
}

} // namespace

ChunkedBody ChunkedBody::decode(QByteArrayView buffer)
{
    ChunkedBody result;
    qsizetype position = 0;
    while (true) {
        const qsizetype sizeEnd = buffer.indexOf(lineEnd, position);
        if (sizeEnd < 0)
            return result;
        // "1a;name=value": the size in hexadecimal, then extensions that nobody needs
        QByteArrayView sizeText = buffer.sliced(position, sizeEnd - position);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText = sizeText.first(semicolon);
        sizeText = sizeText.trimmed();
        unsigned long long size = 0;
        const char *end = sizeText.data() + sizeText.size();
        const auto [stop, failure] = std::from_chars(sizeText.data(), end, size, 16);
        if (sizeText.isEmpty() || failure != std::errc() || stop != end)
            return malformed("bad chunk size");
        if (size > (1ULL << 62))
            return malformed("chunk size too large");
        const qsizetype dataStart = sizeEnd + 2;
        if (size == 0) {
            // the last chunk; trailers, if any, end with an empty line
            if (buffer.sliced(sizeEnd).startsWith("\r\n\r\n")) {
                result.consumed = sizeEnd + 4;
            } else {
                const qsizetype trailersEnd = buffer.indexOf("\r\n\r\n", dataStart);
                if (trailersEnd < 0)
                    return result;
                result.consumed = trailersEnd + 4;
            }
            result.state = State::Complete;
            return result;
        }
        const qsizetype chunk = qsizetype(size);
        if (buffer.size() - dataStart < chunk + 2)
            return result;
        if (buffer.sliced(dataStart + chunk, 2) != lineEnd)
            return malformed("chunk not followed by CRLF");
        result.body += buffer.sliced(dataStart, chunk);
        position = dataStart + chunk + 2;
    }
}

} // namespace jb
