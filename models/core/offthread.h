#pragma once

#include "core/whendone.h"

#include <QThreadPool>
#include <QtConcurrent>

#include <utility>

namespace jb {

// Runs `work` on `pool` (the global pool when null) and hands its result to `done` on `context`'s
// thread, unless `context` is gone by then (whenDone). `work` must copy what it reads: it runs on
// another thread.
template <typename Work, typename Done>
void runOffThread(QObject *context, QThreadPool *pool, Work work, Done done)
{
    whenDone(QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(), std::move(work)), context,
        std::move(done));
}

} // namespace jb
