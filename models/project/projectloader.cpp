#include "projectloader.h"

#include "core/jsonsourcemap.h"
#include "entitychecker.h"
#include "journeyschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

struct ReadFile
{
    QByteArray bytes;
    QString error;
};

ReadFile failedRead(int error)
{
    return {{}, u"cannot read the file: %1"_s.arg(QString::fromLocal8Bit(std::strerror(error)))};
}

// One open, one fstat, the reads and a close: a project of a thousand probe files is read file by
// file, and QFile spent two more stat calls on each. The messages are QFile's.
ReadFile readFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return failedRead(errno);
    struct stat info = {};
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return failedRead(error);
    }
    if (S_ISDIR(info.st_mode)) {
        ::close(fd);
        return {{}, u"cannot read the file: file to open is a directory"_s};
    }
    // as long as fstat said (a file growing meanwhile is read as it was), or to the end for files
    // whose size it cannot tell
    const bool sized = S_ISREG(info.st_mode);
    QByteArray bytes(sized ? qsizetype(info.st_size) : 4096, Qt::Uninitialized);
    qsizetype filled = 0;
    while (!sized || filled < bytes.size()) {
        if (filled == bytes.size())
            bytes.resize(2 * bytes.size());
        const ssize_t got = ::read(fd, bytes.data() + filled, size_t(bytes.size() - filled));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            return failedRead(error);
        }
        if (got == 0)
            break;
        filled += got;
    }
    ::close(fd);
    bytes.truncate(filled);
    return {bytes, {}};
}

Diagnostic diagnosticAt(
    const QString &displayPath, const QByteArray &bytes, const QString &pointer, const QString &message)
{
    const TextPosition position = JsonSourceMap(bytes).positionOf(pointer);
    return {displayPath, position.line, position.column, message};
}

// Parses `bytes` as a JSON object, or explains where and why it is not one.
std::optional<QJsonObject> parseObject(const QByteArray &bytes, const QString &displayPath, Diagnostics &out)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const TextPosition position = TextPosition::fromOffset(bytes, error.offset);
        out.append(
            {displayPath, position.line, position.column, u"not valid JSON: %1"_s.arg(error.errorString())});
        return std::nullopt;
    }
    if (!document.isObject()) {
        out.append({displayPath, 1, 1, u"expected a JSON object at the top level"_s});
        return std::nullopt;
    }
    return document.object();
}

} // namespace

Result<ProjectLoad> ProjectLoader::load(const QString &folder)
{
    const QFileInfo info(folder);
    if (!info.exists())
        return Result<ProjectLoad>::failure(Error::Code::Io, u"%1: no such folder"_s.arg(folder));
    if (!info.isDir()) {
        return Result<ProjectLoad>::failure(Error::Code::Io,
            u"%1: is a file, not a project folder (open the folder that holds "
            "journey.json)"_s.arg(folder));
    }
    if (!QFileInfo::exists(QDir(folder).filePath(manifestFileName))) {
        return Result<ProjectLoad>::failure(
            Error::Code::Io, u"%1: not a JourneyBench project (it has no journey.json)"_s.arg(folder));
    }
    ProjectLoad load;
    load.data.folder = QDir(folder).absolutePath();
    loadManifest(load);
    if (load.data.manifestLoaded) {
        const int version = load.data.manifest.value(u"schemaVersion"_s).toInt();
        if (version > JourneySchema::currentVersion) {
            return Result<ProjectLoad>::failure(Error::Code::Refused,
                u"%1: this project uses schema version %2, newer than this JourneyBench understands (%3); "
                "open it with a newer JourneyBench"_s.arg(QDir(folder).filePath(manifestFileName))
                    .arg(version)
                    .arg(JourneySchema::currentVersion));
        }
    }
    for (const QString &kindFolder : JourneySchema::folders()) {
        const QDir dir(QDir(folder).filePath(kindFolder));
        if (!dir.exists())
            continue;
        // folders named like entity files too: they cannot be read, and saying so beats silence
        const QStringList files = dir.entryList(
            {u"*.json"_s}, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
        // ids are unique per folder: one index per folder keeps the check linear in the files
        QHash<QString, QString> pathOfId;
        for (const QString &file : files)
            loadEntityFile(load, kindFolder, kindFolder + u'/' + file, pathOfId);
    }
    return load;
}

void ProjectLoader::loadManifest(ProjectLoad &load)
{
    const QString relative = manifestFileName;
    const QString displayPath = QDir(load.data.folder).filePath(relative);
    const ReadFile read = readFile(displayPath);
    if (!read.error.isEmpty()) {
        load.diagnostics.append({displayPath, 1, 1, read.error});
        load.data.failedPaths.insert(relative);
        return;
    }
    const auto object = parseObject(read.bytes, displayPath, load.diagnostics);
    if (!object) {
        load.data.failedPaths.insert(relative);
        return;
    }
    const QJsonValue version = object->value(u"schemaVersion"_s);
    QString problem;
    QString pointer;
    if (!version.isDouble() || version.toInt() < 1) {
        problem = u"\"schemaVersion\" must be a whole number of at least 1"_s;
        pointer = u"/schemaVersion"_s;
    } else if (!object->value(u"name"_s).isString()) {
        problem = u"\"name\" must be a string"_s;
        pointer = u"/name"_s;
    } else {
        for (const QString &key : {u"checklist"_s, u"signoffs"_s, u"timeline"_s}) {
            if (object->contains(key) && !object->value(key).isObject()) {
                problem = u"\"%1\" must be an object"_s.arg(key);
                pointer = u'/' + key;
            }
        }
    }
    if (!problem.isEmpty()) {
        load.diagnostics.append(diagnosticAt(displayPath, read.bytes, pointer, problem));
        load.data.failedPaths.insert(relative);
        // the version is still honoured so that a newer project is refused, not half-read
        if (version.toInt() > JourneySchema::currentVersion) {
            load.data.manifest = *object;
            load.data.manifestLoaded = true;
        }
        return;
    }
    load.data.manifest = *object;
    load.data.manifestLoaded = true;
    load.data.diskBytes.insert(relative, read.bytes);
}

void ProjectLoader::loadEntityFile(ProjectLoad &load, const QString &folderName, const QString &relativePath,
    QHash<QString, QString> &pathOfId)
{
    const QString displayPath = QDir(load.data.folder).filePath(relativePath);
    const ReadFile read = readFile(displayPath);
    auto fail = [&](Diagnostic diagnostic) {
        load.diagnostics.append(std::move(diagnostic));
        load.data.failedPaths.insert(relativePath);
    };
    if (!read.error.isEmpty())
        return fail({displayPath, 1, 1, read.error});
    Diagnostics parseErrors;
    const auto object = parseObject(read.bytes, displayPath, parseErrors);
    if (!object)
        return fail(parseErrors.constFirst());
    const KindSpec *kind = JourneySchema::kindFor(folderName, *object);
    const QList<FieldProblem> problems = EntityChecker::structuralProblems(*kind, *object);
    if (!problems.isEmpty()) {
        for (const FieldProblem &problem : problems)
            load.diagnostics.append(diagnosticAt(displayPath, read.bytes, problem.pointer, problem.message));
        load.data.failedPaths.insert(relativePath);
        return;
    }
    const QString id = object->value(u"id"_s).toString();
    if (const auto other = pathOfId.constFind(id); other != pathOfId.cend()) {
        return fail(diagnosticAt(
            displayPath, read.bytes, u"/id"_s, u"duplicate id \"%1\": %2 already has it"_s.arg(id, *other)));
    }
    pathOfId.insert(id, relativePath);
    load.data.entities.append({kind->kind, relativePath, *object});
    load.data.diskBytes.insert(relativePath, read.bytes);
}

} // namespace jb
