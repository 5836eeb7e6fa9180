#pragma once

// The sample project as the artifact suites use it: loaded from resources/sample, with no folder
// (so that no evidence on disk changes what the documents say), a fixed generation time, and two
// JOURNEYBENCH_SECRET_* values that must never appear in any document.

#include "artifactcontext.h"
#include "artifactsources.h"
#include "projectloader.h"

#include <QProcessEnvironment>

namespace jb::test {

using namespace Qt::StringLiterals;

inline QDateTime fixedTime()
{
    return QDateTime(QDate(2026, 11, 28), QTime(9, 30), Qt::UTC);
}

inline QStringList secretValues()
{
    return {u"tok-3f9a-never-print-me"_s, u"pg-pass-77c1-hidden"_s};
}

inline QProcessEnvironment secretEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(u"JOURNEYBENCH_SECRET_CUSTOMER_PORTAL_TOKEN"_s, secretValues().at(0));
    environment.insert(u"JOURNEYBENCH_SECRET_CUSTOMERS_DB_PASSWORD"_s, secretValues().at(1));
    return environment;
}

// Empty (and a failed check in the caller) when the sample cannot be read.
inline ProjectData sampleProject()
{
    Result<ProjectLoad> loaded = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    if (!loaded || !loaded.value().diagnostics.isEmpty())
        return {};
    ProjectData data = std::move(loaded).value().data;
    data.folder.clear();
    return data;
}

// With the De-Para tables the mapping engine makes of the sample's mappings.
inline ArtifactInput sampleInput(const QString &environment = {})
{
    return ArtifactSources::gather(sampleProject(), environment, fixedTime(), secretEnvironment());
}

} // namespace jb::test
