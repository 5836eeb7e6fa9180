#pragma once

#include "contractvalidator.h"
#include "mappedrecord.h"
#include "scripthost.h"

#include <QJSValue>

#include <atomic>
#include <memory>

class QJSEngine;

namespace jb {

class MappingPlan;
class ScriptWatchdog;

// Applies a compiled plan to records on one thread: it owns that thread's QJSEngine (made on the
// first JavaScript transform) and its copy of the validator. Never share one between threads;
// make one per worker from the same plan.
class MappingRunner final : public ScriptHost
{
public:
    enum class Detail
    {
        None, // the object and its errors: the bulk path
        Fields, // also each rule's input and output: the preview
    };

    // `environment` is what scripts see as env (an environment's variables, by name). With a
    // `watchdog` (the thread's, which outlives the runner), each script runs under it: past its
    // deadline or memory bound the script fails "interrupted", as interrupt() makes it.
    explicit MappingRunner(std::shared_ptr<const MappingPlan> plan, QJsonObject environment = {},
        ScriptWatchdog *watchdog = nullptr);
    ~MappingRunner() override;
    Q_DISABLE_COPY_MOVE(MappingRunner)

    MappedRecord map(const QJsonObject &record, Detail detail = Detail::None);
    const MappingPlan &plan() const { return *m_plan; }

    // From any thread: makes a running or later script fail ("interrupted"), e.g. an endless loop
    // in a preview that an edit made stale.
    void interrupt();

    Result<QJsonValue> evaluate(int index, const QJsonValue &value) override;

private:
    Status ensureEngine();

    std::shared_ptr<const MappingPlan> m_plan;
    ContractValidator m_validator;
    QJsonObject m_environment;
    ScriptWatchdog *m_watchdog = nullptr;
    std::unique_ptr<QJSEngine> m_engine;
    std::atomic<QJSEngine *> m_liveEngine = nullptr;
    std::atomic<bool> m_interrupted = false;
    QList<QJSValue> m_functions;
    QJSValue m_environmentValue;
    const QJsonObject *m_record = nullptr;
    QJSValue m_recordValue;
    bool m_recordReady = false;
};

} // namespace jb
