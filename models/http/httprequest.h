#pragma once

#include "httpheaders.h"

#include <QByteArray>
#include <QByteArrayView>

namespace jb {

// One parsed HTTP request as every JourneyBench server sees it: no socket and no QtHttpServer
// type, so the code that answers it can be tested without a network.
struct HttpRequest
{
    QByteArray method; // upper case: "GET", "POST", ...; "UNKNOWN" for a method Qt does not name
    QByteArray path; // as sent, still percent-encoded, without the query; "/" when the target had none
    QByteArray query; // percent-encoded, without the leading '?'; empty when there was none
    HttpHeaders headers; // in the order received
    QByteArray body;
    bool close = false; // the client asked for "Connection: close"

    // The first header called `name` (compared case-insensitively), or a null QByteArray.
    QByteArray header(QByteArrayView name) const;
    // Whether `headers` hold a Connection header with the "close" token ("keep-alive, close" too).
    static bool asksToClose(const HttpHeaders &headers);
    // A GET of `target` ("/path?query"), for code that asks a route without a network.
    static HttpRequest get(const QByteArray &target);
};

} // namespace jb
