#include "evidencestore.h"

#include "core/appendonlyfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString safeName(const QString &text)
{
    QString name;
    for (const QChar c : text) {
        const bool keep = c.isLetterOrNumber() || c == u'-' || c == u'_';
        name += keep ? c : u'-';
    }
    return name.isEmpty() ? u"all"_s : name;
}

} // namespace

EvidenceStore::EvidenceStore(QString projectFolder)
    : m_projectFolder(std::move(projectFolder))
{ }

QString EvidenceStore::fileName(const ProbeRun &run)
{
    const QDateTime at = (run.startedAt.isValid() ? run.startedAt : QDateTime::currentDateTimeUtc()).toUTC();
    return at.toString(u"yyyyMMdd'T'HHmmss.zzz'Z'"_s) + u'-' + safeName(run.environment) + u".json"_s;
}

QByteArray EvidenceStore::bytes(const ProbeRun &run)
{
    return run.toJsonBytes();
}

Result<QString> EvidenceStore::write(const ProbeRun &run) const
{
    const QDir root(m_projectFolder);
    if (!root.mkpath(folder()))
        return Result<QString>::failure(
            Error::Code::Io, u"%1: cannot make the evidence folder"_s.arg(root.filePath(folder())));
    const QString base = fileName(run);
    // a name taken within the same millisecond gets a suffix: evidence is never overwritten
    const Result<QString> written
        = AppendOnlyFile::write(root.filePath(folder()), {base.chopped(5), u".json"_s}, bytes(run));
    if (!written) {
        if (written.error().code == Error::Code::Refused)
            return Result<QString>::failure(
                Error::Code::Io, u"%1: too many runs in one millisecond"_s.arg(base));
        return Result<QString>::failure(Error::Code::Io,
            u"%1: cannot write the evidence: %2"_s.arg(
                root.filePath(folder() + u'/' + base), written.errorString()));
    }
    return QString(folder() + u'/' + written.value());
}

QList<EvidenceStore::Entry> EvidenceStore::load(const QString &environment, QStringList *problems) const
{
    QList<Entry> entries;
    const QDir dir(QDir(m_projectFolder).filePath(folder()));
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            if (problems)
                problems->append(u"%1: cannot read: %2"_s.arg(file.fileName(), file.errorString()));
            continue;
        }
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()
            || document.object().value(u"kind"_s).toString() != u"journeybench.probe-run") {
            if (problems)
                problems->append(u"%1: not a probe run (%2)"_s.arg(file.fileName(),
                    error.error != QJsonParseError::NoError ? error.errorString() : u"wrong kind"_s));
            continue;
        }
        ProbeRun run = ProbeRun::fromJson(document.object());
        if (!environment.isEmpty() && run.environment != environment)
            continue;
        entries.append({folder() + u'/' + name, std::move(run)});
    }
    // a run's finish orders it; names only break ties (a suffixed name may sort before its sibling)
    std::stable_sort(entries.begin(), entries.end(),
        [](const Entry &a, const Entry &b) { return a.run.finishedAt < b.run.finishedAt; });
    return entries;
}

QHash<QString, EvidenceStore::Latest> EvidenceStore::latest(const QList<Entry> &entries)
{
    QHash<QString, Latest> latest;
    for (const Entry &entry : entries) {
        for (const ProbeResult &result : entry.run.results) {
            // a probe skipped in a later run (disabled, cancelled) does not hide its last real result
            if (result.status == ProbeStatus::Skipped && latest.contains(result.probeId))
                continue;
            Latest item{entry.path, result, {}, false};
            if (const auto it = entry.run.stamps.constFind(result.probeId); it != entry.run.stamps.cend()) {
                item.stamp = *it;
                item.stamped = true;
            }
            latest.insert(result.probeId, item);
        }
    }
    return latest;
}

} // namespace jb
