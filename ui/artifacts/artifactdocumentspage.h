#pragma once

#include "artifactformat.h"

#include <QStringList>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTextDocument;
class QTimer;

namespace jb {

class ProjectDocument;
class SequenceDiagramPane;

// The artifact documents: a list of them, a live preview of the selected one (laid out as its PDF
// is, in a QTextBrowser), each flow's sequence diagram, and export of one or all of them in a
// chosen format. Previews and exports are built on worker threads from a copy of the project; a
// newer request makes an older preview's result be dropped.
// (Named apart from the placeholder jb::ArtifactsPage in ui/, which this page replaces.)
class ArtifactDocumentsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArtifactDocumentsPage)

public:
    explicit ArtifactDocumentsPage(ProjectDocument *document, QWidget *parent = nullptr);

    QString currentArtifact() const;
    void setCurrentArtifact(const QString &name);
    QString environment() const; // an environment id; empty for every environment
    void setEnvironment(const QString &id);
    ArtifactFormat format() const;
    void setFormat(ArtifactFormat format);
    bool isExporting() const { return m_exporting; }

    QTextBrowser *preview() const { return m_preview; }
    SequenceDiagramPane *diagrams() const { return m_diagrams; }

    // Builds and writes `names` (ArtifactCatalog names) in `format` into `folder` on a worker thread;
    // ends with one exportFinished(). Refused (returns false) while another export runs.
    bool exportArtifacts(const QStringList &names, ArtifactFormat format, const QString &folder);

Q_SIGNALS:
    void previewUpdated(const QString &artifact);
    void exportFinished(bool ok, const QStringList &files, const QString &errorString);

protected:
    void changeEvent(QEvent *event) override;

private:
    void schedulePreview();
    void buildPreview();
    void refreshEnvironments();
    void chooseFolderAndExport(bool all);
    void setExporting(bool exporting);

    ProjectDocument *m_document;
    QListWidget *m_list;
    QComboBox *m_environment;
    QComboBox *m_format;
    QPushButton *m_exportOne;
    QPushButton *m_exportAll;
    QLabel *m_status;
    QTabWidget *m_tabs;
    QTextBrowser *m_preview;
    SequenceDiagramPane *m_diagrams;
    QTimer *m_previewTimer;
    std::shared_ptr<QTextDocument> m_shown; // the preview's document, built on a worker
    quint64 m_previewGeneration = 0;
    bool m_exporting = false;
    QString m_lastFolder;
};

} // namespace jb
