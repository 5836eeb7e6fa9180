#include "projectloader.h"

#include "core/jsonsourcemap.h"
#include "core/localfiles.h"
#include "entitychecker.h"
#include "journeyschema.h"
#include "kindspec.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace jb {

// One entity file on its way in: read, parsed and checked on any thread, then added in order.
struct EntityFile
{
    QString folderName;
    QString relativePath;
    QByteArray bytes;
    std::optional<QJsonObject> object;
    const KindSpec *kind = nullptr;
    Diagnostics diagnostics; // why it is left out, when it is
};

namespace {

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
    QList<EntityFile> files;
    for (const QString &kindFolder : JourneySchema::folders()) {
        // folders named like entity files too: they cannot be read, and saying so beats silence
        for (const QString &name : LocalFiles::jsonEntries(QDir(folder).filePath(kindFolder))) {
            EntityFile &file = files.emplace_back();
            file.folderName = kindFolder;
            file.relativePath = kindFolder + u'/' + name;
        }
    }
    readEntityFiles(files, load.data.folder);
    load.data.entities.reserve(files.size());
    // ids are unique per folder: one index per folder keeps the check linear in the files
    QHash<QString, QString> pathOfId;
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (i > 0 && files.at(i).folderName != files.at(i - 1).folderName)
            pathOfId.clear();
        addEntityFile(load, files[i], pathOfId);
    }
    return load;
}

void ProjectLoader::loadManifest(ProjectLoad &load)
{
    const QString relative = manifestFileName;
    const QString displayPath = QDir(load.data.folder).filePath(relative);
    const LocalFiles::Read read = LocalFiles::read(displayPath);
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

// On up to four threads, in chunks taken in turn: a project of a thousand probe files is mostly
// system calls and JSON parsing, file by file, and each file stands alone until it is added.
void ProjectLoader::readEntityFiles(QList<EntityFile> &files, const QString &projectFolder)
{
    constexpr qsizetype chunk = 32;
    EntityFile *const first = files.data();
    const qsizetype count = files.size();
    std::atomic<qsizetype> next = 0;
    const auto work = [&] {
        for (qsizetype begin; (begin = next.fetch_add(chunk)) < count;) {
            for (qsizetype i = begin; i < std::min(begin + chunk, count); ++i)
                readEntityFile(first[i], projectFolder);
        }
    };
    const int helpers = count > chunk ? std::clamp(QThread::idealThreadCount(), 1, 4) - 1 : 0;
    std::vector<std::thread> threads;
    threads.reserve(size_t(helpers));
    for (int i = 0; i < helpers; ++i)
        threads.emplace_back(work);
    work();
    for (std::thread &thread : threads)
        thread.join();
}

void ProjectLoader::readEntityFile(EntityFile &file, const QString &projectFolder)
{
    const QString displayPath = QDir(projectFolder).filePath(file.relativePath);
    LocalFiles::Read read = LocalFiles::read(displayPath);
    if (!read.error.isEmpty()) {
        file.diagnostics.append({displayPath, 1, 1, read.error});
        return;
    }
    file.bytes = std::move(read.bytes);
    file.object = parseObject(file.bytes, displayPath, file.diagnostics);
    if (!file.object)
        return;
    file.kind = JourneySchema::kindFor(file.folderName, *file.object);
    for (const FieldProblem &problem : EntityChecker::structuralProblems(*file.kind, *file.object))
        file.diagnostics.append(diagnosticAt(displayPath, file.bytes, problem.pointer, problem.message));
}

void ProjectLoader::addEntityFile(ProjectLoad &load, EntityFile &file, QHash<QString, QString> &pathOfId)
{
    if (file.diagnostics.isEmpty()) {
        const QString id = file.object->value(u"id"_s).toString();
        const auto other = pathOfId.constFind(id);
        if (other == pathOfId.cend()) {
            pathOfId.insert(id, file.relativePath);
            load.data.entities.append({file.kind->kind, file.relativePath, std::move(*file.object)});
            load.data.diskBytes.insert(file.relativePath, file.bytes);
            return;
        }
        file.diagnostics.append(diagnosticAt(QDir(load.data.folder).filePath(file.relativePath), file.bytes,
            u"/id"_s, u"duplicate id \"%1\": %2 already has it"_s.arg(id, *other)));
    }
    load.diagnostics.append(file.diagnostics);
    load.data.failedPaths.insert(file.relativePath);
}

} // namespace jb
