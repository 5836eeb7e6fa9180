#include "httpanswer.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace jb {

namespace {

struct Reason
{
    int status;
    std::string_view phrase;
};

// Sorted by status, for the binary search below.
constexpr std::array reasons{
    Reason{100, "Continue"},
    Reason{200, "OK"},
    Reason{201, "Created"},
    Reason{202, "Accepted"},
    Reason{204, "No Content"},
    Reason{301, "Moved Permanently"},
    Reason{302, "Found"},
    Reason{304, "Not Modified"},
    Reason{400, "Bad Request"},
    Reason{401, "Unauthorized"},
    Reason{403, "Forbidden"},
    Reason{404, "Not Found"},
    Reason{405, "Method Not Allowed"},
    Reason{408, "Request Timeout"},
    Reason{409, "Conflict"},
    Reason{413, "Payload Too Large"},
    Reason{414, "URI Too Long"},
    Reason{415, "Unsupported Media Type"},
    Reason{422, "Unprocessable Entity"},
    Reason{429, "Too Many Requests"},
    Reason{431, "Request Header Fields Too Large"},
    Reason{500, "Internal Server Error"},
    Reason{502, "Bad Gateway"},
    Reason{503, "Service Unavailable"},
    Reason{504, "Gateway Timeout"},
};
static_assert(std::is_sorted(
    reasons.begin(), reasons.end(), [](const Reason &a, const Reason &b) { return a.status < b.status; }));

} // namespace

QByteArray HttpAnswer::reasonPhrase(int status, UnnamedStatus unnamed)
{
    const auto found = std::lower_bound(reasons.begin(), reasons.end(), status,
        [](const Reason &reason, int wanted) { return reason.status < wanted; });
    if (found != reasons.end() && found->status == status)
        return QByteArray::fromRawData(found->phrase.data(), qsizetype(found->phrase.size()));
    if (unnamed == UnnamedStatus::OkOrError)
        return status < 400 ? QByteArrayLiteral("OK") : QByteArrayLiteral("Error");
    return QByteArrayLiteral("Unknown");
}

QByteArray HttpAnswer::head(
    int status, const HttpHeaders &headers, qsizetype bodySize, bool close, UnnamedStatus unnamed)
{
    QByteArray out;
    out.reserve(64 + 48 * headers.size());
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += reasonPhrase(status, unnamed);
    out += "\r\n";
    for (const auto &[name, value] : headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    out += "Content-Length: ";
    out += QByteArray::number(bodySize);
    out += "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

QByteArray HttpAnswer::bytes(
    int status, const HttpHeaders &headers, const QByteArray &body, bool close, UnnamedStatus unnamed)
{
    QByteArray out = head(status, headers, body.size(), close, unnamed);
    out.reserve(out.size() + body.size());
    out += body;
    return out;
}

} // namespace jb
