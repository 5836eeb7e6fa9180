#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace jb {

using MockHeaders = QList<std::pair<QByteArray, QByteArray>>;

// One HTTP request as the mock routes see it: no socket, no Qt HTTP types, so routes are plain
// request -> response code that tests drive without a network.
struct MockRequest
{
    QByteArray method; // upper case: "GET", "POST", ...
    QByteArray path; // as sent, still percent-encoded, without the query
    QByteArray query; // without the leading '?'
    MockHeaders headers; // in the order received
    QByteArray body;

    // The first header called `name` (compared case-insensitively), or a null QByteArray.
    QByteArray header(QByteArrayView name) const;

    static MockRequest get(const QByteArray &target);
};

} // namespace jb
