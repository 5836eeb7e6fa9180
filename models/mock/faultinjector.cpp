#include "faultinjector.h"

#include "httpanswer.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QByteArray faultBodyType = QByteArrayLiteral("application/json; charset=utf-8");

bool isOutcome(FaultKind kind)
{
    return kind != FaultKind::None && kind != FaultKind::Latency;
}

} // namespace

FaultInjector::FaultInjector(quint32 seed)
    : m_random(seed)
{ }

void FaultInjector::reseed(quint32 seed)
{
    m_random.seed(seed);
}

MockResponse FaultInjector::serverError(int status, const QString &route)
{
    MockResponse response = MockResponse::withBody(status, faultBodyType,
        "{\"error\": \"injected fault: HTTP " + QByteArray::number(status) + ' '
            + HttpAnswer::reasonPhrase(status) + "\"}");
    response.route = route;
    return response;
}

QByteArray FaultInjector::truncated(const QByteArray &body)
{
    // Half the body: the HTTP message is complete (Content-Length agrees) but the JSON is cut.
    return body.left(body.size() / 2);
}

QByteArray FaultInjector::malformed(const QByteArray &body)
{
    // A trailing comma before the last closing bracket: the classic hand-made JSON mistake.
    const qsizetype close = std::max(body.lastIndexOf('}'), body.lastIndexOf(']'));
    if (close < 0)
        return "{" + body;
    QByteArray out = body;
    out.insert(close, ',');
    return out;
}

QByteArray FaultInjector::oversizedBody(qint64 size)
{
    const QByteArray open = QByteArrayLiteral("{\"padding\": \"");
    const QByteArray close = QByteArrayLiteral("\"}");
    const qint64 fill = std::max<qint64>(0, size - open.size() - close.size());
    QByteArray out;
    out.reserve(open.size() + fill + close.size());
    out += open;
    out += QByteArray(fill, 'x');
    out += close;
    return out;
}

void FaultInjector::apply(MockResponse &response)
{
    if (m_rules.isEmpty())
        return;
    AppliedFault fault;
    const FaultRule *outcome = nullptr;
    for (const FaultRule &rule : std::as_const(m_rules)) {
        if (rule.kind == FaultKind::None || rule.probability <= 0 || !rule.appliesTo(response.route))
            continue;
        if (outcome && isOutcome(rule.kind))
            continue;
        if (rule.probability < 1 && m_random.generateDouble() >= rule.probability)
            continue;
        if (rule.kind == FaultKind::Latency) {
            fault.delayMs += rule.latencyMs
                + (rule.jitterMs > 0 ? static_cast<int>(m_random.bounded(rule.jitterMs + 1)) : 0);
            if (fault.kind == FaultKind::None)
                fault.kind = FaultKind::Latency;
        } else {
            outcome = &rule;
            fault.kind = rule.kind;
        }
    }
    if (fault.kind == FaultKind::None)
        return;
    if (outcome) {
        switch (outcome->kind) {
        case FaultKind::Http500:
        case FaultKind::Http503: {
            MockResponse error = serverError(outcome->kind == FaultKind::Http500 ? 500 : 503, response.route);
            response.status = error.status;
            response.headers = error.headers;
            response.body = error.body;
            break;
        }
        case FaultKind::TruncatedJson:
            response.body = truncated(response.body);
            break;
        case FaultKind::MalformedJson:
            response.body = malformed(response.body);
            break;
        case FaultKind::Oversized: {
            auto cached = m_oversized.constFind(outcome->sizeBytes);
            if (cached == m_oversized.cend())
                cached = m_oversized.insert(outcome->sizeBytes, oversizedBody(outcome->sizeBytes));
            response.status = 200;
            response.headers = {{QByteArrayLiteral("Content-Type"), faultBodyType}};
            response.body = *cached;
            break;
        }
        case FaultKind::NoAnswer:
            fault.holdMs = outcome->holdMs;
            break;
        default: // Reset, Blocked: carried out on the socket
            break;
        }
    }
    response.wire.clear();
    response.fault = fault;
}

} // namespace jb
