#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace jb {

// What the mock does wrong on purpose, so that a pipe's error handling can be seen working.
enum class FaultKind
{
    None,
    Latency, // answer late: a fixed delay, plus a uniform jitter when one is set
    Http500,
    Http503,
    Reset, // the connection is reset (TCP RST) once the request has been read
    NoAnswer, // the connection stays open with no answer until the client gives up
    TruncatedJson, // a complete HTTP answer whose body is cut short
    MalformedJson, // a complete HTTP answer whose body is not JSON
    Blocked, // the connection is closed without an answer, like a caller blocked by the provider
    Oversized, // a valid JSON body far larger than any payload limit
};

QString faultKindName(FaultKind kind);
std::optional<FaultKind> faultKindFromName(QStringView name);
QList<FaultKind> allFaultKinds();

// One fault rule of a route: when a request reaches `route`, the fault happens with `probability`.
// A plain value, JSON-serialisable, so that rules can be kept in a project's mocks/ folder.
struct FaultRule
{
    static constexpr QLatin1StringView anyRoute{"*"};
    // Where a project keeps the fault rules of its mocks (the GUI's mock page writes them).
    static constexpr QLatin1StringView projectRelativePath{"mocks/faults.json"};
    static constexpr qint64 defaultOversizeBytes = 6 * 1024 * 1024;

    QString route = QString(anyRoute); // a route key ("GET /ws/{cep}/json/") or "*" for every route
    FaultKind kind = FaultKind::None;
    double probability = 1.0; // 0..1
    int latencyMs = 0; // Latency: the fixed part of the delay
    int jitterMs = 0; // Latency: up to this much more, uniformly drawn
    int holdMs = 0; // NoAnswer: how long to hold the connection; 0 = the server's maximum
    qint64 sizeBytes = defaultOversizeBytes; // Oversized: the body size

    bool appliesTo(const QString &routeKey) const { return route == anyRoute || route == routeKey; }

    QJsonObject toJson() const;
    static Result<FaultRule> fromJson(const QJsonObject &object);
    static Result<QList<FaultRule>> listFromJson(const QJsonValue &value);
    // The rules of a JSON file holding an array of them; the error names the file.
    static Result<QList<FaultRule>> listFromFile(const QString &path);
    friend bool operator==(const FaultRule &, const FaultRule &) = default;
};

} // namespace jb
