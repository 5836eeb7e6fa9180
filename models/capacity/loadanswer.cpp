#include "loadanswer.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace jb {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
        && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

bool containsIgnoringCase(std::string_view haystack, std::string_view needle)
{
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        if (equalsIgnoringCase(haystack.substr(i, needle.size()), needle))
            return true;
    }
    return false;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

} // namespace

LoadAnswer::State LoadAnswer::parse(std::string_view in, bool headRequest, bool eof, int &status)
{
    const std::size_t headerEnd = in.find("\r\n\r\n");
    if (headerEnd == std::string_view::npos)
        return in.size() > MaxHeaderBytes ? Malformed : Incomplete;
    if (in.size() < 12 || in.substr(0, 7) != "HTTP/1.")
        return Malformed;
    if (std::from_chars(in.data() + 9, in.data() + 12, status).ec != std::errc() || status < 100)
        return Malformed;

    std::int64_t contentLength = -1;
    bool chunked = false;
    bool close = in.substr(5, 3) == "1.0";
    std::size_t line = in.find("\r\n") + 2;
    while (line < headerEnd) {
        const std::size_t end = in.find("\r\n", line);
        const std::string_view header = in.substr(line, end - line);
        line = end + 2;
        const std::size_t colon = header.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view name = header.substr(0, colon);
        const std::string_view value = trimmed(header.substr(colon + 1));
        if (equalsIgnoringCase(name, "content-length")) {
            const char *valueEnd = value.data() + value.size();
            const auto [stop, failure] = std::from_chars(value.data(), valueEnd, contentLength);
            if (failure != std::errc() || stop != valueEnd || contentLength < 0)
                return Malformed;
        } else if (equalsIgnoringCase(name, "transfer-encoding")) {
            chunked = containsIgnoringCase(value, "chunked");
        } else if (equalsIgnoringCase(name, "connection")) {
            close = containsIgnoringCase(value, "close");
        }
    }
    const State complete = close ? CompleteAndClose : Complete;
    const std::size_t bodyStart = headerEnd + 4;
    if (status < 200 || status == 204 || status == 304 || headRequest)
        return complete;
    if (chunked) {
        std::size_t position = bodyStart;
        for (;;) {
            const std::size_t sizeEnd = in.find("\r\n", position);
            if (sizeEnd == std::string_view::npos)
                return Incomplete;
            std::size_t size = 0;
            if (std::from_chars(in.data() + position, in.data() + sizeEnd, size, 16).ec != std::errc())
                return Malformed;
            position = sizeEnd + 2;
            if (size == 0) {
                // no trailers ("0\r\n\r\n"), or trailers up to an empty line
                if (in.size() >= position + 2 && in.substr(position, 2) == "\r\n")
                    return complete;
                return in.find("\r\n\r\n", position - 2) == std::string_view::npos ? Incomplete : complete;
            }
            // compared as what is left, so that an absurd size cannot overflow the sum
            if (in.size() - position < 2 || size > in.size() - position - 2)
                return Incomplete;
            position += size + 2;
        }
    }
    if (contentLength >= 0)
        return in.size() >= bodyStart + std::size_t(contentLength) ? complete : Incomplete;
    // Neither length nor chunks: the body runs until the server closes.
    return eof ? CompleteAndClose : Incomplete;
}

} // namespace jb
