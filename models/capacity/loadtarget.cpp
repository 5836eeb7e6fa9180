#include "loadtarget.h"

#include <QUrl>

#include <arpa/inet.h>
#include <cstring>
#include <netdb.h>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

bool isLoopback(const sockaddr_storage &address)
{
    if (address.ss_family == AF_INET) {
        const auto *v4 = reinterpret_cast<const sockaddr_in *>(&address);
        return (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
    }
    if (address.ss_family == AF_INET6) {
        const auto *v6 = reinterpret_cast<const sockaddr_in6 *>(&address);
        return IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr);
    }
    return false;
}

} // namespace

Result<LoadTarget> LoadTarget::fromUrl(const QString &url, bool allowRemote)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return Result<LoadTarget>::failure(Error::Code::Parse, u"not a URL: \"%1\""_s.arg(url));
    if (parsed.scheme() != u"http"_s)
        return Result<LoadTarget>::failure(Error::Code::Refused,
            u"the load runner speaks plain HTTP/1.1 only; \"%1\" is %2"_s.arg(url, parsed.scheme()));

    LoadTarget target;
    target.url = url;
    target.host = parsed.host().toStdString();
    target.port = std::uint16_t(parsed.port(80));
    const QString path = parsed.path(QUrl::FullyEncoded);
    target.path = (path.isEmpty() ? u"/"_s : path).toStdString();
    if (parsed.hasQuery())
        target.path += '?' + parsed.query(QUrl::FullyEncoded).toStdString();

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    const std::string service = std::to_string(target.port);
    if (const int rc = getaddrinfo(target.host.c_str(), service.c_str(), &hints, &found); rc != 0)
        return Result<LoadTarget>::failure(Error::Code::Network,
            u"cannot resolve %1: %2"_s.arg(parsed.host(), QString::fromLocal8Bit(gai_strerror(rc))));
    std::memcpy(&target.address, found->ai_addr, found->ai_addrlen);
    target.addressLength = found->ai_addrlen;
    freeaddrinfo(found);

    target.loopback = isLoopback(target.address);
    if (!target.loopback && !allowRemote)
        return Result<LoadTarget>::failure(Error::Code::Refused,
            u"%1 is not on loopback: a load run against another machine needs the explicit allow "
            "flag (--allow-remote)"_s.arg(parsed.host()));
    return target;
}

} // namespace jb
