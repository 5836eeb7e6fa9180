#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace jb {

// What starts an execution. For a REST pipe: the HTTP request, with `params` holding the path
// template's values. For an event pipe: `event`, the event's payload.
struct PipeRequest
{
    QString method = QStringLiteral("GET");
    QString path;
    QJsonObject params; // path template values, percent-decoded
    QJsonObject query; // name -> value (the last one when repeated)
    QJsonObject headers; // lower-case name -> value
    QJsonValue body; // parsed when the request was JSON, else its text; null when empty
    QJsonValue event; // event pipes: the payload

    // {method, path, params, query, headers, body}; the shape templates see as `request`.
    QJsonObject toJson() const;
    static PipeRequest fromJson(const QJsonObject &object);
    // The CLI's --input: {"params", "query", "body", "headers", ...} or, for brevity, a plain
    // object of path parameters ({"cep": "01001-000"}).
    static PipeRequest fromInput(const QJsonValue &input);
    // The body as received: parsed as JSON when the content type says JSON (or the text looks
    // like JSON and parses), else the text; null when empty.
    static QJsonValue parseBody(const QByteArray &body, const QByteArray &contentType);
};

} // namespace jb
