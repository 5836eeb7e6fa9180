#include "firewallcommand.h"

#include "cliproject.h"
#include "evidencestore.h"
#include "firewallrequest.h"

#include <QCommandLineParser>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace jb {

QString FirewallCommand::synopsis()
{
    return u"firewall DIR [--env NAME]"_s;
}

int FirewallCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(synopsis());
    parser.addHelpOption();
    const QCommandLineOption env(
        u"env"_s, u"The environment whose request to print (default: test, or the only one)."_s, u"NAME"_s);
    parser.addOption(env);
    if (!parser.parse(args) || parser.positionalArguments().size() != 1) {
        err << parser.errorText() << u"\nusage: journeybench-cli "_s << synopsis() << Qt::endl;
        return 2;
    }
    CliProject::Request request{.folder = parser.positionalArguments().constFirst(),
        .reportDiagnostics = true,
        .rule = CliProject::EnvironmentRule::Probes};
    if (parser.isSet(env)) // even empty: then the answer is to name one
        request.environment = parser.value(env);
    int exitCode = 0;
    const std::optional<CliProject> project = CliProject::load(request, err, exitCode);
    if (!project)
        return exitCode;
    const ProjectData &data = project->data;
    const QString &environment = project->environment;
    QStringList problems;
    const QList<EvidenceStore::Entry> evidence = EvidenceStore(data.folder).load(environment, &problems);
    for (const QString &problem : std::as_const(problems))
        err << u"warning: "_s << problem << Qt::endl;
    const QList<FirewallRow> rows
        = FirewallRequest::rows(data.entities, environment, EvidenceStore::latest(evidence));
    out << QString::fromUtf8(FirewallRequest::toCsv(rows));
    out.flush();
    return 0;
}

} // namespace jb
