#include "projectsession.h"

#include "core/whendone.h"
#include "documenteditor.h"
#include "projectdocument.h"
#include "projectformat.h"
#include "projectloader.h"
#include "projecttemplate.h"
#include "projectvalidator.h"
#include "sampleproject.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr int defaultAutosaveMs = 30'000;
constexpr int validationDelayMs = 250;

struct LoadOutcome
{
    std::optional<ProjectLoad> load;
    QString error;
    std::optional<RecoverySnapshot> recovery;
    QDateTime lastSaved; // the newest file of the project
};

struct SaveAsOutcome
{
    QString error; // the folder could not be used; nothing was written
    SaveOutcome outcome;
};

QDateTime newestFileTime(const QString &folder)
{
    QDateTime newest;
    QDirIterator it(folder, {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QDateTime modified = it.nextFileInfo().lastModified();
        if (!newest.isValid() || modified > newest)
            newest = modified;
    }
    return newest;
}

// A folder a project may be created or saved in: missing (it is made) or empty.
QString prepareEmptyFolder(const QString &folder)
{
    const QDir dir(folder);
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        return u"%1 is a file, not a folder."_s.arg(folder);
    if (info.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return u"%1 is not empty. Choose an empty folder, or a new one."_s.arg(folder);
    if (!QDir().mkpath(folder))
        return u"Could not create the folder %1."_s.arg(folder);
    return QString();
}

} // namespace

ProjectSession::ProjectSession(const QString &recoveryDirectory, QObject *parent)
    : QObject(parent)
    , m_recoveryDirectory(recoveryDirectory)
    , m_recovery(recoveryDirectory)
    , m_document(new ProjectDocument(this))
    , m_stack(new QUndoStack(this))
    , m_editor(std::make_unique<DocumentEditor>(m_document, m_stack))
    , m_autosave(new QTimer(this))
    , m_validation(new QTimer(this))
{
    m_recoveryPool.setMaxThreadCount(1); // snapshots and their removal happen in order
    m_autosave->setInterval(defaultAutosaveMs);
    connect(m_autosave, &QTimer::timeout, this, &ProjectSession::writeRecovery);
    m_validation->setSingleShot(true);
    m_validation->setInterval(validationDelayMs);
    connect(m_validation, &QTimer::timeout, this, &ProjectSession::validate);

    connect(m_document, &ProjectDocument::modifiedChanged, this, &ProjectSession::updateModified);
    connect(m_stack, &QUndoStack::cleanChanged, this, &ProjectSession::updateModified);
    connect(m_stack, &QUndoStack::indexChanged, this, &ProjectSession::updateModified);
    connect(m_document, &ProjectDocument::wasReset, this, &ProjectSession::scheduleValidation);
    connect(m_document, &ProjectDocument::entityInserted, this, &ProjectSession::scheduleValidation);
    connect(m_document, &ProjectDocument::entityRemoved, this, &ProjectSession::scheduleValidation);
    connect(m_document, &ProjectDocument::entityChanged, this, &ProjectSession::scheduleValidation);
}

ProjectSession::~ProjectSession()
{
    m_recoveryPool.waitForDone();
}

bool ProjectSession::isModified() const
{
    return m_document->isModified() && !m_stack->isClean();
}

int ProjectSession::unsavedChanges() const
{
    if (!isModified())
        return 0;
    const int clean = m_stack->cleanIndex();
    if (clean < 0)
        return std::max(1, m_stack->index());
    return std::max(1, std::abs(m_stack->index() - clean));
}

std::optional<QDateTime> ProjectSession::pendingRecovery() const
{
    return m_pendingRecovery ? std::optional<QDateTime>(m_pendingRecovery->savedAt) : std::nullopt;
}

void ProjectSession::updateModified()
{
    const bool now = isModified();
    if (now != m_modified) {
        m_modified = now;
        if (now)
            m_autosave->start();
        else
            m_autosave->stop();
        Q_EMIT modifiedChanged(now);
    }
    Q_EMIT unsavedChangesChanged(unsavedChanges());
}

void ProjectSession::open(const QString &folder)
{
    const quint64 generation = ++m_loadGeneration; // a newer open makes this one stale
    m_loading = true;
    Q_EMIT busyChanged(true);
    Q_EMIT loadStarted(folder);
    const RecoveryStore store = m_recovery;
    whenDone(QtConcurrent::run([folder, store] {
        LoadOutcome outcome;
        Result<ProjectLoad> result = ProjectLoader::load(folder);
        if (!result) {
            outcome.error = result.errorString();
            return outcome;
        }
        outcome.load = std::move(result).value();
        outcome.recovery = store.read(outcome.load->data.folder);
        outcome.lastSaved = newestFileTime(outcome.load->data.folder);
        return outcome;
    }),
        this, [this, generation, folder](LoadOutcome outcome) {
            if (generation != m_loadGeneration)
                return;
            m_loading = false;
            Q_EMIT busyChanged(m_saving);
            if (!outcome.load) {
                Q_EMIT openFailed(folder, outcome.error);
                return;
            }
            m_autosave->stop();
            m_stack->clear();
            m_loadDiagnostics = outcome.load->diagnostics;
            m_problems.clear();
            m_document->reset(std::move(outcome.load->data));
            m_pendingRecovery.reset();
            if (outcome.recovery
                && (!outcome.lastSaved.isValid() || outcome.recovery->savedAt > outcome.lastSaved))
                m_pendingRecovery = outcome.recovery;
            updateModified();
            validate();
            Q_EMIT opened(m_document->folder());
            if (m_pendingRecovery)
                Q_EMIT recoveryOffered(m_pendingRecovery->savedAt);
        });
}

void ProjectSession::create(const QString &folder, const QString &name)
{
    const QList<ProjectTemplate::File> files = ProjectTemplate::files(name);
    whenDone(QtConcurrent::run([folder, files] {
        const QString problem = prepareEmptyFolder(folder);
        if (!problem.isEmpty())
            return problem;
        for (const ProjectTemplate::File &file : files) {
            const Status written
                = ProjectWriter::writeAtomically(QDir(folder).filePath(file.path), file.bytes);
            if (!written)
                return written.errorString();
        }
        return QString();
    }),
        this, [this, folder](const QString &problem) {
            if (problem.isEmpty())
                open(folder);
            else
                Q_EMIT openFailed(folder, problem);
        });
}

void ProjectSession::openSample(const QString &bundledFolder, const QString &userCopyFolder)
{
    whenDone(QtConcurrent::run([bundledFolder, userCopyFolder] {
        return SampleProject::ensureCopy(bundledFolder, userCopyFolder);
    }),
        this, [this, userCopyFolder](const Result<SampleProject::Copy> &copy) {
            if (!copy) {
                Q_EMIT openFailed(userCopyFolder, copy.errorString());
                return;
            }
            if (copy.value().renewed)
                Q_EMIT sampleRenewed(copy.value().keptAs);
            open(copy.value().folder);
        });
}

void ProjectSession::setSaving(bool saving)
{
    m_saving = saving;
    Q_EMIT busyChanged(saving || m_loading);
}

void ProjectSession::save(std::function<void(bool)> done)
{
    if (m_saving || m_loading || !m_document->hasFolder()) {
        if (done)
            done(false);
        return;
    }
    const SavePlan plan = m_document->savePlan();
    if (plan.isEmpty()) {
        finishSave(plan, SaveOutcome(), false, done);
        return;
    }
    setSaving(true);
    whenDone(QtConcurrent::run([plan] { return ProjectWriter::apply(plan); }), this,
        [this, plan, done](SaveOutcome outcome) { finishSave(plan, outcome, false, done); });
}

void ProjectSession::saveAs(const QString &folder, std::function<void(bool)> done)
{
    if (m_saving || m_loading || !m_document->hasFolder()) {
        if (done)
            done(false);
        return;
    }
    const SavePlan plan = m_document->saveAsPlan(QDir::cleanPath(folder));
    setSaving(true);
    whenDone(QtConcurrent::run([plan] {
        SaveAsOutcome result;
        result.error = prepareEmptyFolder(plan.folder);
        if (result.error.isEmpty())
            result.outcome = ProjectWriter::apply(plan);
        return result;
    }),
        this, [this, plan, done](SaveAsOutcome result) {
            if (!result.error.isEmpty()) {
                setSaving(false);
                Q_EMIT saveFailed(result.error);
                if (done)
                    done(false);
                return;
            }
            finishSave(plan, result.outcome, true, done);
        });
}

void ProjectSession::finishSave(
    const SavePlan &plan, const SaveOutcome &outcome, bool movedTo, const std::function<void(bool)> &done)
{
    const QString previousFolder = m_document->folder();
    if (movedTo)
        m_document->moveTo(plan.folder, plan, outcome);
    else
        m_document->markSaved(plan, outcome);
    const bool ok = outcome.problems.isEmpty();
    if (ok) {
        m_stack->setClean();
        const RecoveryStore store = m_recovery;
        const QStringList folders
            = movedTo ? QStringList{previousFolder, plan.folder} : QStringList{previousFolder};
        static_cast<void>(QtConcurrent::run(&m_recoveryPool, [store, folders] {
            for (const QString &folder : folders)
                store.discard(folder);
        }));
        m_pendingRecovery.reset();
    }
    setSaving(false);
    updateModified();
    if (ok)
        Q_EMIT saved(m_document->folder(), outcome.written);
    else
        Q_EMIT saveFailed(outcome.problems.join(u'\n'));
    if (done)
        done(ok);
}

void ProjectSession::restoreRecovery()
{
    if (!m_pendingRecovery)
        return;
    const RecoverySnapshot snapshot = *m_pendingRecovery;
    m_pendingRecovery.reset();
    RecoveryStore::restore(snapshot, *m_editor);
    updateModified();
}

void ProjectSession::discardRecovery()
{
    m_pendingRecovery.reset();
    if (!m_document->hasFolder())
        return;
    const RecoveryStore store = m_recovery;
    const QString folder = m_document->folder();
    static_cast<void>(QtConcurrent::run(&m_recoveryPool, [store, folder] { store.discard(folder); }));
}

void ProjectSession::writeRecovery()
{
    if (!isModified() || !m_document->hasFolder())
        return;
    const RecoverySnapshot snapshot = RecoveryStore::snapshotOf(*m_document);
    const RecoveryStore store = m_recovery;
    const QString file = m_recovery.fileFor(snapshot.projectFolder);
    whenDone(QtConcurrent::run(&m_recoveryPool, [store, snapshot] { return store.write(snapshot); }), this,
        [this, file](Status status) {
            if (status)
                Q_EMIT recoveryWritten(file);
        });
}

void ProjectSession::setAutosaveInterval(int milliseconds)
{
    m_autosave->setInterval(milliseconds);
}

void ProjectSession::closeCleanly()
{
    m_autosave->stop();
    m_recoveryPool.waitForDone();
    if (m_document->hasFolder())
        m_recovery.discard(m_document->folder()); // one file, as the window closes
}

void ProjectSession::scheduleValidation()
{
    m_validation->start();
}

void ProjectSession::validate()
{
    m_validation->stop();
    const quint64 generation = ++m_validationGeneration;
    ProjectData copy;
    copy.folder = m_document->folder();
    copy.manifest = m_document->manifest();
    copy.entities = m_document->allEntities();
    copy.diskBytes = m_document->data().diskBytes;
    whenDone(QtConcurrent::run([copy] {
        ProjectDocument scratch; // a private copy: the worker never touches the open document
        scratch.reset(copy);
        return ProjectValidator::validate(scratch);
    }),
        this, [this, generation](Diagnostics diagnostics) {
            if (generation != m_validationGeneration)
                return;
            m_problems = diagnostics;
            Q_EMIT problemsChanged(static_cast<int>(m_problems.size()));
        });
}

} // namespace jb
