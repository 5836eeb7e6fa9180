#include "pipeerror.h"

using namespace Qt::StringLiterals;

namespace jb {

QJsonObject PipeError::toJson() const
{
    QJsonObject object{{u"step"_s, step}, {u"class"_s, className(errorClass)}, {u"retriable"_s, retriable()},
        {u"code"_s, code}, {u"message"_s, message}};
    if (httpStatus > 0)
        object.insert(u"status"_s, httpStatus);
    return object;
}

QString PipeError::className(Class errorClass)
{
    switch (errorClass) {
    case Class::Connectivity:
        return u"connectivity"_s;
    case Class::Access:
        return u"access"_s;
    case Class::Data:
        return u"data"_s;
    case Class::Volume:
        return u"volume"_s;
    }
    return u"data"_s;
}

PipeError::Class PipeError::classForStatus(int status)
{
    if (status >= 500)
        return Class::Connectivity;
    if (status == 401 || status == 403)
        return Class::Access;
    if (status == 413)
        return Class::Volume;
    return Class::Data;
}

} // namespace jb
