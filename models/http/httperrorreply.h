#pragma once

#include "httpheaders.h"

#include <QByteArray>
#include <QString>

namespace jb {

// The JSON error reply of JourneyBench's servers and engine refusals: {"error": "<message>"},
// compact, as application/json in UTF-8.
class HttpErrorReply final
{
public:
    static QByteArray body(const QString &message);
    // The one header of such a reply, Content-Type.
    static HttpHeaders headers();
    // The whole answer (headers() plus `extraHeaders`, then body()), for a server writing it itself.
    static QByteArray answer(
        int status, const QString &message, bool close, const HttpHeaders &extraHeaders = {});
};

} // namespace jb
