#pragma once

#include "diagnostic.h"
#include "projectdata.h"

#include <QString>

#include <optional>

class QTextStream;

namespace jb {

// The project a command works on, opened the one way every command opens it: the folder loaded
// (a folder that cannot be opened is an "error: ..." line and exit code 1), the files that did not
// load reported or left to the command, and the environment chosen by the command's rule (one it
// cannot find is a line naming those the project has, and exit code 2).
struct CliProject
{
    // How a command picks its environment.
    enum class EnvironmentRule
    {
        None, // it picks none here (validate, status, format, mock, map, run, serve)
        Probes, // one the probes run in: the one named, else "test", else the only one (check, firewall)
        Documents, // an environment's id or its name in any case; none named means every one (export)
    };

    struct Request
    {
        QString folder;
        // "warning: <diagnostic> (left out)" for each file that did not load; else the command
        // reports them in its own words, or not at all
        bool reportDiagnostics = false;
        EnvironmentRule rule = EnvironmentRule::None;
        std::optional<QString> environment = std::nullopt; // as the command line named it; nullopt: not named
    };

    ProjectData data;
    Diagnostics diagnostics; // the files that did not load; the others did
    QString environment; // the chosen environment's id; empty with EnvironmentRule::None, or for every one

    // The project, or nullopt with why printed on `err` and the command's exit code in `exitCode`.
    static std::optional<CliProject> load(const Request &request, QTextStream &err, int &exitCode);

private:
    static bool chooseProbeEnvironment(CliProject &project, const Request &request, QTextStream &err);
    static bool chooseDocumentEnvironment(CliProject &project, const Request &request, QTextStream &err);
};

} // namespace jb
