#pragma once

#include "diagnostic.h"
#include "projectwriter.h"
#include "recoverystore.h"

#include <QDateTime>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

class QTimer;
class QUndoStack;

namespace jb {

class DocumentEditor;
class ProjectDocument;

// The open project and everything done to it as a whole: opening (off the GUI thread), saving
// (the plan made here, the writing done off the GUI thread), the undo stack, the recovery
// snapshots written while there are unsaved changes, and the project-wide problem count. It shows
// nothing: the main window turns its signals into dialogs and status messages.
class ProjectSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectSession)

public:
    // `recoveryDirectory` is where recovery snapshots go (AppDataLocation + "/recovery").
    explicit ProjectSession(const QString &recoveryDirectory, QObject *parent = nullptr);
    ~ProjectSession() override;

    ProjectDocument *document() const { return m_document; }
    QUndoStack *undoStack() const { return m_stack; }
    DocumentEditor *editor() const { return m_editor.get(); }
    const RecoveryStore &recoveryStore() const { return m_recovery; }

    bool isLoading() const { return m_loading; }
    bool isSaving() const { return m_saving; }
    bool isModified() const;
    int unsavedChanges() const;
    const Diagnostics &loadDiagnostics() const { return m_loadDiagnostics; }
    const Diagnostics &problems() const { return m_problems; }
    std::optional<QDateTime> pendingRecovery() const;

    void open(const QString &folder);
    // Makes a new project in an empty (or missing) folder, with ProjectTemplate's files, and opens it.
    void create(const QString &folder, const QString &name);
    void openSample(const QString &bundledFolder, const QString &userCopyFolder);
    // `done` (optional) learns whether every file was written.
    void save(std::function<void(bool)> done = {});
    void saveAs(const QString &folder, std::function<void(bool)> done = {});

    void restoreRecovery();
    void discardRecovery();
    // Writes a recovery snapshot now if there are unsaved changes (the timer does it every 30 s).
    void writeRecovery();
    void setAutosaveInterval(int milliseconds);
    // Forgets the recovery snapshot of the open project (a clean close). Removes one file.
    void closeCleanly();

Q_SIGNALS:
    void loadStarted(const QString &folder);
    void opened(const QString &folder);
    // openSample() made a fresh copy of a changed bundled sample; `keptAs` holds the user's
    // changed earlier copy ("" when it had no changes and was replaced).
    void sampleRenewed(const QString &keptAs);
    void openFailed(const QString &folder, const QString &message);
    void recoveryOffered(const QDateTime &savedAt);
    void saved(const QString &folder, const QStringList &written);
    void saveFailed(const QString &message);
    void recoveryWritten(const QString &file);
    void modifiedChanged(bool modified);
    void unsavedChangesChanged(int count);
    void busyChanged(bool busy);
    void problemsChanged(int count);

private:
    void updateModified();
    void scheduleValidation();
    void validate();
    void finishSave(const SavePlan &plan, const SaveOutcome &outcome, bool movedTo,
        const std::function<void(bool)> &done);
    void setSaving(bool saving);

    QString m_recoveryDirectory;
    RecoveryStore m_recovery;
    ProjectDocument *m_document;
    QUndoStack *m_stack;
    std::unique_ptr<DocumentEditor> m_editor;
    QThreadPool m_recoveryPool; // one thread: snapshots and removals stay in order
    QTimer *m_autosave;
    QTimer *m_validation;
    Diagnostics m_loadDiagnostics;
    Diagnostics m_problems;
    std::optional<RecoverySnapshot> m_pendingRecovery;
    quint64 m_loadGeneration = 0;
    quint64 m_validationGeneration = 0;
    bool m_loading = false;
    bool m_saving = false;
    bool m_modified = false;
};

} // namespace jb
