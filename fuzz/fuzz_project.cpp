// A whole project folder from bytes: the input is "path\0content\0path\0content...", written into a
// fresh folder and then loaded, validated, and its pipes and test suites read as `validate` and
// `test` read them. Broken files are diagnostics, never a crash. bench/fuzz.sh makes the seed
// corpus from the sample project in this form.
#include "fuzzinput.h"
#include "pipes/pipecatalog.h"
#include "pipetests/suiteloader.h"
#include "project/projectdocument.h"
#include "project/projectloader.h"
#include "project/projectvalidator.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

namespace {

// A relative path made of [a-z0-9._-] segments, at most three deep, none of them "." or "..".
QString safePath(const QByteArray &raw)
{
    QStringList segments;
    for (const QByteArray &segment : raw.split('/')) {
        QByteArray clean;
        for (char c : segment) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')
                clean.append(c);
        }
        if (clean.isEmpty() || clean == "." || clean == ".." || clean.size() > 64)
            continue;
        segments.append(QString::fromLatin1(clean));
    }
    if (segments.isEmpty() || segments.size() > 3)
        return {};
    return segments.join(u'/');
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    jb::fuzz::ensureApplication();
    static QTemporaryDir root;
    const QString folder = root.filePath(QStringLiteral("project"));
    QDir(folder).removeRecursively();
    QDir().mkpath(folder);

    const QList<QByteArray> parts = jb::fuzz::splitInput(jb::fuzz::bytesOf(data, size), '\0', 129);
    for (qsizetype i = 0; i + 1 < parts.size(); i += 2) {
        const QString path = safePath(parts.at(i));
        if (path.isEmpty())
            continue;
        const QString file = QDir(folder).filePath(path);
        QDir().mkpath(QFileInfo(file).path());
        QFile out(file);
        if (out.open(QIODevice::WriteOnly))
            out.write(parts.at(i + 1));
    }

    jb::Result<jb::ProjectLoad> load = jb::ProjectLoader::load(folder);
    if (!load)
        return 0;
    jb::ProjectDocument document;
    document.reset(load.value().data);
    (void)jb::ProjectValidator::validate(document);
    const jb::PipeCatalog catalog = jb::PipeCatalog::fromProject(load.value().data);
    (void)jb::SuiteLoader::load(load.value().data, catalog);
    return 0;
}
