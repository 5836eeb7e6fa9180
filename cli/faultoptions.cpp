#include "faultoptions.h"

#include "faultinjector.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace jb {

void FaultOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_faults, m_noFaults, m_seed});
}

QString FaultOptions::parse(const QCommandLineParser &parser)
{
    m_seedValue.reset();
    if (parser.isSet(m_seed)) {
        bool ok = false;
        m_seedValue = parser.value(m_seed).toUInt(&ok);
        if (!ok)
            return u"--seed wants a whole number"_s;
    }
    if (parser.isSet(m_faults) && parser.isSet(m_noFaults))
        return u"--faults and --no-faults exclude each other"_s;
    m_file = parser.value(m_faults);
    m_off = parser.isSet(m_noFaults);
    return {};
}

Status FaultOptions::load(const QString &projectFolder)
{
    m_rules.clear();
    m_source.clear();
    if (m_off)
        return {};
    QString file = m_file;
    if (file.isEmpty()) {
        file = QDir(projectFolder).filePath(QString(FaultRule::projectRelativePath));
        if (!QFileInfo(file).isFile())
            return {}; // the project keeps no faults
    }
    const Result<QList<FaultRule>> rules = FaultRule::listFromFile(file);
    if (!rules)
        return rules.error();
    m_rules = rules.value();
    m_source = file;
    return {};
}

void FaultOptions::applyTo(FaultInjector &faults) const
{
    faults.setRules(m_rules);
    if (m_seedValue)
        faults.reseed(*m_seedValue);
}

void FaultOptions::describe(QTextStream &err) const
{
    if (!m_rules.isEmpty())
        err << u"faults from %1 (--no-faults to serve without them):\n"_s.arg(
            QDir::toNativeSeparators(m_source));
    for (const FaultRule &fault : m_rules) {
        err << u"fault: %1 on %2, probability %3"_s.arg(faultKindName(fault.kind), fault.route)
                   .arg(fault.probability);
        if (fault.kind == FaultKind::Blocked)
            err << u" (closes connections unanswered; the listening socket stays up)"_s;
        err << u'\n';
    }
}

} // namespace jb
