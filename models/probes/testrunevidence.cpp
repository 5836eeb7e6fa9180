#include "testrunevidence.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace jb {

std::optional<TestRunEvidence> TestRunEvidence::fromJson(const QJsonObject &object, const QString &path)
{
    if (object.value(u"kind"_s).toString() != u"test-run")
        return std::nullopt;
    TestRunEvidence run;
    run.path = path;
    run.startedAt = QDateTime::fromString(object.value(u"startedAt"_s).toString(), Qt::ISODateWithMs);
    run.environment = object.value(u"environment"_s).toString();
    run.passed = object.value(u"passed"_s).toBool();
    run.cases = object.value(u"cases"_s).toInt();
    run.failed = object.value(u"failed"_s).toInt();
    run.partial = object.value(u"partial"_s).toBool();
    const QJsonObject hashes = object.value(u"hashes"_s).toObject();
    for (auto it = hashes.begin(); it != hashes.end(); ++it)
        run.hashes.insert(it.key(), it.value().toString());
    for (const QJsonValue &value : object.value(u"coverage"_s).toArray()) {
        const QJsonObject coverage = value.toObject();
        Pipe pipe;
        pipe.id = coverage.value(u"pipe"_s).toString();
        pipe.steps = coverage.value(u"steps"_s).toInt();
        pipe.stepsExecuted = coverage.value(u"stepsExecuted"_s).toInt();
        for (const QJsonValue &missed : coverage.value(u"missedSteps"_s).toArray())
            pipe.missedSteps.append(missed.toString());
        run.pipes.append(pipe);
    }
    if (!run.startedAt.isValid())
        return std::nullopt;
    return run;
}

std::optional<TestRunEvidence> TestRunEvidence::latestFull(
    const QString &projectFolder, const QString &environment)
{
    const QDir folder(QDir(projectFolder).filePath(u"evidence/tests"_s));
    std::optional<TestRunEvidence> latest;
    const QStringList files = folder.entryList({u"*.json"_s}, QDir::Files);
    for (const QString &name : files) {
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        std::optional<TestRunEvidence> run = fromJson(document.object(), u"evidence/tests/"_s + name);
        if (!run || run->partial || run->environment != environment)
            continue;
        if (!latest || run->startedAt > latest->startedAt)
            latest = std::move(run);
    }
    return latest;
}

} // namespace jb
