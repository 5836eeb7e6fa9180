#pragma once

#include "core/result.h"
#include "faultrule.h"

#include <QCommandLineOption>
#include <QList>

#include <optional>

class QCommandLineParser;
class QTextStream;

namespace jb {

class FaultInjector;

// The fault options `mock` and `serve` share: the faults of the project's mocks/faults.json (as the
// GUI's mock page keeps them) unless --faults FILE names others or --no-faults turns them off, and
// --seed N to replay the same draws.
class FaultOptions final
{
public:
    static constexpr QLatin1StringView synopsis{"[--faults FILE | --no-faults] [--seed N]"};

    void addTo(QCommandLineParser &parser) const;
    // Reads the options: a usage problem, or "" when they are fine.
    QString parse(const QCommandLineParser &parser);
    // Reads the rules the options name (a bad file is an error; a project without faults has none).
    Status load(const QString &projectFolder);
    // Gives the rules and the seed to a mock's fault injector.
    void applyTo(FaultInjector &faults) const;
    // One "fault: …" line per rule on `err`, and where the rules came from.
    void describe(QTextStream &err) const;

    const QList<FaultRule> &rules() const { return m_rules; }

private:
    QCommandLineOption m_faults{QStringLiteral("faults"),
        QStringLiteral("Inject the faults of FILE, a JSON array of fault rules (default: the project's "
                       "mocks/faults.json, when it exists)."),
        QStringLiteral("FILE")};
    QCommandLineOption m_noFaults{
        QStringLiteral("no-faults"), QStringLiteral("Inject no fault, whatever the project keeps.")};
    QCommandLineOption m_seed{QStringLiteral("seed"),
        QStringLiteral("Seed the fault generator with N, to replay the same faults."), QStringLiteral("N")};
    QString m_file; // --faults
    bool m_off = false; // --no-faults
    QList<FaultRule> m_rules;
    QString m_source; // the file the rules came from
    std::optional<quint32> m_seedValue;
};

} // namespace jb
