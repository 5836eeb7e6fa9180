#include "firewallcommand.h"

#include "evidencestore.h"
#include "firewallrequest.h"
#include "probeplanner.h"
#include "projectloader.h"

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
    Result<ProjectLoad> loaded = ProjectLoader::load(parser.positionalArguments().constFirst());
    if (!loaded) {
        err << u"error: "_s << loaded.errorString() << Qt::endl;
        return 1;
    }
    const ProjectData &data = loaded.value().data;
    for (const Diagnostic &diagnostic : loaded.value().diagnostics)
        err << u"warning: "_s << diagnostic.format() << u" (left out)"_s << Qt::endl;
    const QStringList environments = ProbePlanner::environments(data.entities);
    const QString environment = parser.isSet(env)
        ? parser.value(env)
        : ProbePlanner::defaultEnvironment(data.entities).value_or(QString());
    if (!environments.contains(environment)) {
        err << (environment.isEmpty() ? u"name an environment with --env"_s
                                      : u"no environment \"%1\" in the project"_s.arg(environment))
            << u"; the project has: "_s << (environments.isEmpty() ? u"none"_s : environments.join(u", "_s))
            << Qt::endl;
        return 2;
    }
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
