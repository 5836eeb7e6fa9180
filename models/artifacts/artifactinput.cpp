#include "artifactinput.h"

using namespace Qt::StringLiterals;

namespace jb {

ArtifactInput ArtifactInput::gather(
    ProjectData project, const QString &environment, QDateTime generatedAt, const QProcessEnvironment &system)
{
    ArtifactInput input;
    input.environment = environment;
    input.generatedAt = generatedAt.isValid() ? generatedAt.toUTC() : now(system);
    input.probes = ProbeEvidence::read(project.folder, environment);
    input.secretValues = secretValuesFrom(system);
    input.project = std::move(project);
    return input;
}

QDateTime ArtifactInput::now(const QProcessEnvironment &system)
{
    bool ok = false;
    const qint64 epoch = system.value(u"SOURCE_DATE_EPOCH"_s).toLongLong(&ok);
    if (ok)
        return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC);
    return QDateTime::currentDateTimeUtc();
}

QStringList ArtifactInput::secretValuesFrom(const QProcessEnvironment &system)
{
    QStringList values;
    for (const QString &name : system.keys()) {
        if (!name.startsWith(u"JOURNEYBENCH_SECRET_"))
            continue;
        const QString value = system.value(name);
        if (!value.isEmpty())
            values.append(value);
    }
    // longest first, so a secret that contains another is replaced whole
    std::sort(
        values.begin(), values.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return values;
}

} // namespace jb
