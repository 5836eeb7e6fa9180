#include "exportcommand.h"

#include "artifactcatalog.h"
#include "artifactexporter.h"
#include "artifactsources.h"
#include "cliproject.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QTextStream>

#include <cstring>

using namespace Qt::StringLiterals;

namespace jb {

QString ExportCommand::synopsis()
{
    return u"export DIR --artifact NAME|all --format md|html|pdf|csv|xlsx --out DIR [--env NAME]"_s;
}

bool ExportCommand::needsGuiApplication(int argc, char **argv)
{
    if (argc < 2 || std::strcmp(argv[1], "export") != 0)
        return false;
    for (int i = 2; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        QString value;
        if (argument == u"--format" && i + 1 < argc)
            value = QString::fromLocal8Bit(argv[i + 1]);
        else if (argument.startsWith(u"--format="))
            value = argument.mid(9);
        else
            continue;
        const std::optional<ArtifactFormat> format = ArtifactFormats::fromKey(value);
        return format && ArtifactFormats::needsFonts(*format);
    }
    return false;
}

int ExportCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(synopsis());
    parser.addHelpOption();
    const QCommandLineOption artifact(u"artifact"_s,
        u"The document to export: %1, or all."_s.arg(ArtifactCatalog::names().join(u", "_s)), u"NAME"_s);
    const QCommandLineOption format(
        u"format"_s, u"The format: %1."_s.arg(ArtifactFormats::keys().join(u", "_s)), u"FORMAT"_s);
    const QCommandLineOption output(u"out"_s, u"The folder to write into (made when missing)."_s, u"DIR"_s);
    const QCommandLineOption env(
        u"env"_s, u"The environment the documents describe (default: every environment)."_s, u"NAME"_s);
    parser.addOptions({artifact, format, output, env});
    const auto usage = [&](const QString &problem) {
        err << problem << u"\nusage: journeybench-cli "_s << synopsis() << Qt::endl;
        return 2;
    };
    if (!parser.parse(args))
        return usage(parser.errorText());
    if (parser.positionalArguments().size() != 1 || !parser.isSet(artifact) || !parser.isSet(format)
        || !parser.isSet(output))
        return usage(u"export needs a project folder, --artifact, --format and --out"_s);

    QStringList names = {parser.value(artifact)};
    if (names.constFirst() == u"all")
        names = ArtifactCatalog::names();
    else if (!ArtifactCatalog::find(names.constFirst()))
        return usage(u"unknown artifact \"%1\"; known: %2, all"_s.arg(
            names.constFirst(), ArtifactCatalog::names().join(u", "_s)));
    const std::optional<ArtifactFormat> chosen = ArtifactFormats::fromKey(parser.value(format));
    if (!chosen)
        return usage(u"unknown format \"%1\"; known: %2"_s.arg(
            parser.value(format), ArtifactFormats::keys().join(u", "_s)));
    if (ArtifactFormats::needsFonts(*chosen)
        && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        err << u"error: %1 export draws text and needs a QGuiApplication"_s.arg(
            ArtifactFormats::label(*chosen))
            << Qt::endl;
        return 1;
    }

    int exitCode = 0;
    std::optional<CliProject> project = CliProject::load({.folder = parser.positionalArguments().constFirst(),
                                                             .reportDiagnostics = true,
                                                             .rule = CliProject::EnvironmentRule::Documents,
                                                             .environment = parser.value(env)},
        err, exitCode);
    if (!project)
        return exitCode;
    const ArtifactContext context(ArtifactSources::gather(std::move(project->data), project->environment));
    for (const QString &problem : context.input().mappingProblems)
        err << u"warning: "_s << problem << u" (left out of the De-Para)"_s << Qt::endl;
    const Result<QStringList> written
        = ArtifactExporter::exportArtifacts(names, *chosen, parser.value(output), context);
    if (!written) {
        err << u"error: "_s << written.errorString() << Qt::endl;
        return 1;
    }
    for (const QString &file : written.value())
        out << file << u'\n';
    out.flush();
    err << u"%1 file(s) written for project version %2, %3"_s.arg(written.value().size())
               .arg(context.stamp().version, context.stamp().environment)
        << Qt::endl;
    return 0;
}

} // namespace jb
