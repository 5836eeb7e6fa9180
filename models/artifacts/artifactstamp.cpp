#include "artifactstamp.h"

using namespace Qt::StringLiterals;

namespace jb {

QString ArtifactStamp::generatedText() const
{
    return generatedAt.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s;
}

QString ArtifactStamp::line() const
{
    return u"%1 · version %2 · environment: %3 · generated %4"_s.arg(
        project, version, environment, generatedText());
}

QList<std::pair<QString, QString>> ArtifactStamp::facts() const
{
    return {{u"Project"_s, project}, {u"Owner"_s, owner}, {u"Project version"_s, version},
        {u"Environment"_s, environment}, {u"Generated"_s, generatedText()},
        {u"Generator"_s, u"JourneyBench "_s + QStringLiteral(JB_VERSION)}};
}

} // namespace jb
