#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <utility>

namespace jb {

// One contract mock rule: method + path template + optional body match -> a fixed answer.
// A plain value that reads and writes JSON, so rules can be kept in a project's mocks/ folder:
//   {"id": "...", "method": "POST", "path": "/api/v1/customers/{id}",
//    "match": {"bodyContains": "...", "bodyJson": {...}},
//    "validate": {"contract": "portal-customer", "rejectStatus": 422},
//    "response": {"status": 201, "headers": [{"name": "...", "value": "..."}], "body": "..."},
//    "description": "..."}
// A rule with "validate" stands in for a consumer: a body that the contract accepts is kept and
// answered with the response (an empty response body echoes the request's); any other body gets
// rejectStatus and {"errors": [{"field", "rule"}]}.
struct MockRule
{
    QString id;
    QString method = QStringLiteral("GET"); // or "*" for any method
    QString path; // a PathTemplate pattern
    QString bodyContains; // when set, the request body must contain this text
    QJsonValue bodyJson = QJsonValue::Undefined; // when set, a JSON subset the request body must hold
    QString validateContract; // a contract id of the project; empty: no validation
    int rejectStatus = 422;
    int status = 200;
    QList<std::pair<QString, QString>> headers; // answer headers, in order (no Content-Length)
    QString body;
    QString description;

    QString routeKey() const;
    QJsonObject toJson() const;
    static Result<MockRule> fromJson(const QJsonObject &object);
    static QByteArray listToJson(const QList<MockRule> &rules);
    static Result<QList<MockRule>> listFromJson(const QByteArray &bytes);

    // True when every member of `pattern` is in `value` with an equal value (objects recursively;
    // arrays by position, same length; other values equal).
    static bool isJsonSubset(const QJsonValue &pattern, const QJsonValue &value);

    friend bool operator==(const MockRule &, const MockRule &) = default;
};

} // namespace jb
