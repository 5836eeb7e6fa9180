#include "mockrequest.h"

namespace jb {

QByteArray MockRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

MockRequest MockRequest::get(const QByteArray &target)
{
    MockRequest request;
    request.method = QByteArrayLiteral("GET");
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    if (question >= 0)
        request.query = target.mid(question + 1);
    return request;
}

} // namespace jb
