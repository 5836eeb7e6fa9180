#include "mockrouter.h"

namespace jb {

void MockRouter::addRoutes(std::shared_ptr<MockRoutes> routes)
{
    if (routes)
        m_sets.append(std::move(routes));
}

QList<MockRouteInfo> MockRouter::routes() const
{
    QList<MockRouteInfo> all;
    for (const auto &set : m_sets)
        all += set->routes();
    return all;
}

MockResponse MockRouter::notFound(const HttpRequest &request)
{
    QByteArray body = "{\"error\": \"no mock route for ";
    body += request.method;
    body += ' ';
    // the path as sent, minus what would break the JSON string
    for (const char c : request.path) {
        if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20)
            body += '?';
        else
            body += c;
    }
    body += "\"}";
    return MockResponse::withBody(404, QByteArrayLiteral("application/json; charset=utf-8"), body);
}

MockResponse MockRouter::handle(const HttpRequest &request)
{
    for (const auto &set : std::as_const(m_sets)) {
        std::optional<MockResponse> response = set->respond(request);
        if (response) {
            m_faults.apply(*response);
            const FaultKind fault = response->fault.kind;
            if (fault == FaultKind::None || fault == FaultKind::Latency)
                set->delivered(request, *response);
            return std::move(*response);
        }
    }
    // no route: nothing to inject faults into, the 404 says so
    return notFound(request);
}

} // namespace jb
