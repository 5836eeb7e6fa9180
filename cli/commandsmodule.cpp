#include "commandsmodule.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <cstring>
#include <dlfcn.h>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString moduleFile()
{
    return QStringLiteral(JB_COMMANDS_MODULE_FILE);
}

// "PATH: why", from dlerror()'s text, which names the path itself only sometimes
QString failure(const QString &path, const char *message)
{
    QString why = message ? QString::fromLocal8Bit(message) : u"unknown error"_s;
    if (why.startsWith(path + u": "_s))
        why.remove(0, path.size() + 2);
    return path + u": "_s + why;
}

} // namespace

QString CommandsModule::executableFolder(const char *argv0)
{
    QString path = QFileInfo(u"/proc/self/exe"_s).canonicalFilePath();
    if (path.isEmpty() && argv0 && std::strchr(argv0, '/'))
        path = QFileInfo(QFile::decodeName(argv0)).canonicalFilePath();
    return path.isEmpty() ? QString() : QFileInfo(path).absolutePath();
}

QStringList CommandsModule::candidates(const QString &executableFolder)
{
    // JB_COMMANDS_MODULE_FROM_BINDIR: the install folder of the module relative to that of the
    // executable, computed by CMake from the same GNUInstallDirs variables the install rules use
    return {
        executableFolder + u'/' + moduleFile(),
        QDir::cleanPath(
            executableFolder + u'/' + QStringLiteral(JB_COMMANDS_MODULE_FROM_BINDIR) + u'/' + moduleFile()),
    };
}

Result<CommandsModule::EntryPoint> CommandsModule::load(const QStringList &candidates)
{
    QStringList tried;
    for (const QString &path : candidates) {
        // RTLD_LOCAL: the module's symbols stay its own; it binds to itself and the system's libraries
        void *handle = dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            tried.append(failure(path, dlerror()));
            continue;
        }
        if (void *entry = dlsym(handle, entryPointName)) {
            // POSIX guarantees that a data pointer from dlsym converts to a function pointer
            return reinterpret_cast<EntryPoint>(entry);
        }
        tried.append(failure(path, dlerror()));
        dlclose(handle);
    }
    return Result<EntryPoint>::failure(Error::Code::Io,
        u"could not load %1, the module that holds this command; tried:\n  %2"_s.arg(
            moduleFile(), tried.join(u"\n  "_s)));
}

int CommandsModule::run(int argc, char **argv)
{
    const char *command = argc > 1 ? argv[1] : "";
    const QString folder = executableFolder(argc > 0 ? argv[0] : nullptr);
    if (folder.isEmpty()) {
        std::fprintf(stderr,
            "journeybench-cli %s: cannot tell which folder the executable is in (/proc/self/exe), so "
            "not where its module %s is\n",
            command, JB_COMMANDS_MODULE_FILE);
        return 1;
    }
    const Result<EntryPoint> entry = load(candidates(folder));
    if (!entry) {
        std::fprintf(
            stderr, "journeybench-cli %s: %s\n", command, entry.errorString().toLocal8Bit().constData());
        return 1;
    }
    return entry.value()(argc, argv);
}

} // namespace jb
