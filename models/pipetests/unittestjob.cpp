#include "unittestjob.h"

#include <QElapsedTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace jb {

UnitTestJob::UnitTestJob(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<jb::CaseResult>();
    qRegisterMetaType<jb::TestRunRecord>();
}

UnitTestJob::~UnitTestJob()
{
    cancel();
    stopThread();
}

bool UnitTestJob::start(const ProjectData &project, TestRunPlan plan, bool writeEvidence)
{
    if (m_thread)
        return false;
    m_caseCount = 0;
    for (const UnitTestRunner::Plan &suite : std::as_const(plan.plans))
        m_caseCount += int(suite.suite.cases.size());
    m_thread = new QThread;
    m_thread->setObjectName(u"unit tests"_s);
    auto *anchor = new QObject;
    anchor->moveToThread(m_thread);
    m_anchor = anchor;
    connect(m_thread, &QThread::finished, anchor, &QObject::deleteLater);
    m_thread->start();
    // everything below runs on the job's thread; the queued signals bring it back here
    QMetaObject::invokeMethod(
        anchor, [this, anchor, project, plan = std::move(plan), writeEvidence]() mutable {
            auto *runner = new UnitTestRunner(project, plan.environment, anchor);
            runner->setObjectName(u"runner"_s);
            auto clock = std::make_shared<QElapsedTimer>();
            clock->start();
            connect(runner, &UnitTestRunner::caseStarted, this, &UnitTestJob::caseStarted);
            connect(runner, &UnitTestRunner::caseFinished, this, &UnitTestJob::caseFinished);
            connect(runner, &UnitTestRunner::finished, anchor,
                [this, runner, clock, record = plan.record, folder = project.folder,
                    writeEvidence]() mutable {
                    TestRunPlan::finish(record, *runner, clock->elapsed());
                    QString evidence;
                    QString error;
                    if (writeEvidence && !folder.isEmpty()) {
                        const Result<QString> written = record.write(folder);
                        if (written)
                            evidence = written.value();
                        else
                            error = written.errorString();
                    }
                    const bool cancelled = runner->wasCancelled();
                    QMetaObject::invokeMethod(this, [this, record, evidence, error, cancelled] {
                        stopThread();
                        Q_EMIT finished(record, evidence, error, cancelled);
                    });
                });
            runner->start(std::move(plan.plans));
        });
    return true;
}

void UnitTestJob::cancel()
{
    if (!m_anchor)
        return;
    QMetaObject::invokeMethod(m_anchor.data(), [anchor = m_anchor.data()] {
        if (auto *runner = anchor->findChild<UnitTestRunner *>(u"runner"_s))
            runner->cancel();
    });
}

void UnitTestJob::stopThread()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

} // namespace jb
