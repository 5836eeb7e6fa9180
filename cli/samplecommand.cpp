#include "samplecommand.h"

#include "clidispatcher.h"
#include "projectcommands.h"
#include "sampleproject.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace jb {

int SampleCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    if (!ProjectCommands::parseArguments(parser, args, 1, u"sample DIR"_s, err))
        return CliDispatcher::UsageError;
    const QString target = QDir(parser.positionalArguments().constFirst()).absolutePath();
    const QFileInfo info(target);
    if (info.exists() && !info.isDir()) {
        err << u"error: %1 is a file; name a new folder for the sample project"_s.arg(target) << Qt::endl;
        return CliDispatcher::UsageError;
    }
    // an existing folder is only filled when empty: nothing of the user's is moved or overwritten
    if (info.exists() && !QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        err << u"error: %1 is not empty; name a new or empty folder for the sample project"_s.arg(target)
            << Qt::endl;
        return CliDispatcher::UsageError;
    }
    const QString bundled = SampleProject::findBundled(QCoreApplication::applicationDirPath());
    if (bundled.isEmpty()) {
        err << u"error: the bundled sample project was not found; looked in:\n  %1"_s.arg(
            SampleProject::candidates(QCoreApplication::applicationDirPath()).join(u"\n  "_s))
            << Qt::endl;
        return CliDispatcher::Failure;
    }
    if (info.exists() && !QDir(target).removeRecursively()) { // the empty folder; the copy is renamed in
        err << u"error: could not use the empty folder %1"_s.arg(target) << Qt::endl;
        return CliDispatcher::Failure;
    }
    const Result<SampleProject::Copy> copy = SampleProject::ensureCopy(bundled, target);
    if (!copy) {
        err << u"error: "_s << copy.errorString() << Qt::endl;
        return CliDispatcher::Failure;
    }
    out << copy.value().folder << Qt::endl;
    err << u"copied the sample project from %1"_s.arg(bundled) << Qt::endl;
    return CliDispatcher::Success;
}

} // namespace jb
