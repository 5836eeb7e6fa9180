#pragma once

#include "httpheaders.h"

#include <QByteArray>

namespace jb {

// Writes HTTP/1.1 answers byte for byte: the status line, the given headers in their order,
// Content-Length, "Connection: close" when the connection is to close, the blank line and the
// body. Every JourneyBench server writes its answers with it, so they share one reason-phrase table.
class HttpAnswer final
{
public:
    // What the status line says for a status the table does not name. The mock has always said
    // "Unknown"; the pipe host "OK" below 400 and "Error" from 400 on. Each keeps its text.
    enum class UnnamedStatus
    {
        Unknown,
        OkOrError,
    };

    static QByteArray reasonPhrase(int status, UnnamedStatus unnamed = UnnamedStatus::Unknown);
    // The status line and headers, ending with the blank line, for a body of `bodySize` bytes.
    // `headers` are written as given: they must hold neither Content-Length nor Connection.
    static QByteArray head(int status, const HttpHeaders &headers, qsizetype bodySize, bool close,
        UnnamedStatus unnamed = UnnamedStatus::Unknown);
    // The head followed by the body.
    static QByteArray bytes(int status, const HttpHeaders &headers, const QByteArray &body, bool close,
        UnnamedStatus unnamed = UnnamedStatus::Unknown);
};

} // namespace jb
