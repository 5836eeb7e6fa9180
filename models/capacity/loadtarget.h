#pragma once

#include "core/result.h"

#include <QString>

#include <cstdint>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>

namespace jb {

// Where a load run sends its requests: an http:// URL resolved once, before the run, so that the
// load threads never wait on DNS. Remote hosts (anything not loopback) are refused unless the
// caller passed the explicit allow flag: a load run is an attack on whoever is on the other end.
struct LoadTarget final
{
    QString url;
    std::string host; // as written in the URL, for the Host header
    std::uint16_t port = 80;
    std::string path = "/";
    sockaddr_storage address{};
    socklen_t addressLength = 0;
    bool loopback = false;

    static Result<LoadTarget> fromUrl(const QString &url, bool allowRemote);
};

} // namespace jb
