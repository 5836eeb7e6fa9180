#include "httprequest.h"

namespace jb {

namespace {

bool hasToken(QByteArrayView value, QByteArrayView token)
{
    // a comma-separated list in any case: "Connection: keep-alive, close"
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype end = value.indexOf(',', start);
        if (end < 0)
            end = value.size();
        if (value.sliced(start, end - start).trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
        start = end + 1;
    }
    return false;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::asksToClose(const HttpHeaders &headers)
{
    for (const auto &[name, value] : headers) {
        if (QByteArrayView(name).compare("connection", Qt::CaseInsensitive) == 0 && hasToken(value, "close"))
            return true;
    }
    return false;
}

HttpRequest HttpRequest::get(const QByteArray &target)
{
    HttpRequest request;
    request.method = QByteArrayLiteral("GET");
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    if (question >= 0)
        request.query = target.mid(question + 1);
    return request;
}

} // namespace jb
