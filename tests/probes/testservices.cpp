#include "testservices.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

TestServices::TestServices(const QStringList &services, bool samplePorts)
{
    if (!m_dir.isValid()) {
        m_error = u"no temporary folder: "_s + m_dir.errorString();
        return;
    }
    QProcess script;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"JB_PROBE_TESTSERVER"_s, QStringLiteral(JB_PROBE_TESTSERVER));
    script.setProcessEnvironment(environment);
    script.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments{u"start"_s, m_dir.path()};
    if (samplePorts)
        arguments.append(u"--sample-ports"_s);
    script.start(QStringLiteral(JB_PROBE_SERVICES), arguments + services);
    m_started = true;
    // bounded: PostgreSQL's initdb is the slow one, a few seconds
    if (!script.waitForFinished(120000) || script.exitStatus() != QProcess::NormalExit
        || script.exitCode() != 0) {
        script.kill();
        m_error = u"tests/probes/services.sh start %1 failed (exit %2):\n%3"_s.arg(services.join(u' '))
                      .arg(script.exitCode())
                      .arg(QString::fromUtf8(script.readAll()));
        return;
    }
    QFile env(m_dir.filePath(u"services.env"_s));
    if (!env.open(QIODevice::ReadOnly)) {
        m_error = u"services.sh wrote no services.env"_s;
        return;
    }
    const QList<QByteArray> lines = env.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0)
            m_values.insert(QString::fromUtf8(line.left(equals)), QString::fromUtf8(line.mid(equals + 1)));
    }
    m_ok = true;
}

TestServices::~TestServices()
{
    if (!m_started)
        return;
    QProcess script;
    script.setProcessChannelMode(QProcess::ForwardedChannels);
    script.start(QStringLiteral(JB_PROBE_SERVICES), {u"stop"_s, m_dir.path()});
    script.waitForFinished(60000);
}

QString TestServices::fileText(const QString &key) const
{
    QFile file(value(key));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
