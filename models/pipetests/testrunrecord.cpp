#include "testrunrecord.h"

#include "core/appendonlyfile.h"
#include "core/jsonwriter.h"
#include "projectformat.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

bool TestRunRecord::passed() const
{
    return failedCases() == 0 && coverageHeld;
}

int TestRunRecord::failedCases() const
{
    int failed = 0;
    for (const CaseResult &result : cases)
        failed += result.passed ? 0 : 1;
    return failed;
}

QMap<QString, QString> TestRunRecord::hashesOf(const ProjectData &project, const QStringList &kindAndIds)
{
    QMap<QString, QString> hashes;
    for (const EntityRecord &record : project.entities) {
        const QString key = record.kind + u'/' + record.id();
        if (kindAndIds.contains(key))
            hashes.insert(key,
                QString::fromLatin1(
                    QCryptographicHash::hash(ProjectFormat::entityBytes(record), QCryptographicHash::Sha256)
                        .toHex()));
    }
    return hashes;
}

QByteArray TestRunRecord::toJsonBytes() const
{
    QJsonObject hashObject;
    for (auto it = hashes.cbegin(); it != hashes.cend(); ++it)
        hashObject.insert(it.key(), it.value());
    QJsonArray caseArray;
    for (const CaseResult &result : cases)
        caseArray.append(result.toJson());
    QJsonArray coverageArray;
    for (const PipeCoverage &pipe : coverage)
        coverageArray.append(pipe.toJson());
    const QJsonObject object{{u"kind"_s, u"test-run"_s},
        {u"startedAt"_s, startedAt.toUTC().toString(Qt::ISODateWithMs)}, {u"durationMs"_s, durationMs},
        {u"environment"_s, environment}, {u"tool"_s, toolVersion}, {u"passed"_s, passed()},
        {u"cases"_s, cases.size()}, {u"failed"_s, failedCases()}, {u"coverageMin"_s, coverageMin},
        {u"coverageHeld"_s, coverageHeld}, {u"partial"_s, partial}, {u"hashes"_s, hashObject},
        {u"results"_s, caseArray}, {u"coverage"_s, coverageArray}};
    return JsonWriter::write(object, [](const QString &path) {
        if (path.isEmpty())
            return QStringList{u"kind"_s, u"startedAt"_s, u"durationMs"_s, u"environment"_s, u"tool"_s,
                u"passed"_s, u"cases"_s, u"failed"_s, u"coverageMin"_s, u"coverageHeld"_s, u"partial"_s,
                u"hashes"_s, u"coverage"_s, u"results"_s};
        if (path == u"results")
            return QStringList{u"suite"_s, u"pipe"_s, u"case"_s, u"passed"_s};
        if (path == u"coverage")
            return QStringList{u"pipe"_s};
        return QStringList();
    });
}

Result<QString> TestRunRecord::write(const QString &projectFolder) const
{
    const QDir root(projectFolder);
    if (!root.mkpath(folder()))
        return Result<QString>::failure(
            Error::Code::Io, u"%1: cannot make the evidence folder"_s.arg(root.filePath(folder())));
    QString safe;
    for (const QChar c : environment)
        safe += c.isLetterOrNumber() || c == u'-' || c == u'_' ? c : u'-';
    const QString base = startedAt.toUTC().toString(u"yyyyMMdd'T'HHmmss.zzz'Z'"_s) + u'-'
        + (safe.isEmpty() ? u"none"_s : safe);
    // a name taken within the same millisecond gets a suffix: evidence is never overwritten
    const Result<QString> written
        = AppendOnlyFile::write(root.filePath(folder()), {base, u".json"_s}, toJsonBytes());
    if (!written) {
        if (written.error().code == Error::Code::Refused)
            return Result<QString>::failure(
                Error::Code::Io, u"%1: too many runs in one millisecond"_s.arg(base));
        return Result<QString>::failure(Error::Code::Io,
            u"%1: cannot write the evidence: %2"_s.arg(
                root.filePath(folder() + u'/' + base + u".json"_s), written.errorString()));
    }
    return QString(folder() + u'/' + written.value());
}

} // namespace jb
