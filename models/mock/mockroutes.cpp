#include "mockroutes.h"

namespace jb {

QString MockRouteInfo::key(QStringView method, QStringView pathTemplate)
{
    QString key;
    key.reserve(method.size() + 1 + pathTemplate.size());
    key += method;
    key += u' ';
    key += pathTemplate;
    return key;
}

MockRoutes::~MockRoutes() = default;

void MockRoutes::delivered(const HttpRequest &, const MockResponse &) const
{ }

} // namespace jb
