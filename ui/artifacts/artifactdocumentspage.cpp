#include "artifactdocumentspage.h"

#include "artifactcatalog.h"
#include "artifactexporter.h"
#include "artifactsources.h"
#include "core/whendone.h"
#include "previewcolors.h"
#include "projectdocument.h"
#include "sequencediagrampane.h"
#include "textdocumentbuilder.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <memory>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// What a worker needs: the project as it is now, never the live document.
ProjectData snapshot(const ProjectDocument *document)
{
    ProjectData data = document->data();
    data.manifest = document->manifest();
    data.entities = document->allEntities();
    return data;
}

struct Preview
{
    QString artifact;
    std::shared_ptr<QTextDocument> document; // moved to the GUI thread by the worker
    QString error;
};

} // namespace

ArtifactDocumentsPage::ArtifactDocumentsPage(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_list(new QListWidget(this))
    , m_environment(new QComboBox(this))
    , m_format(new QComboBox(this))
    , m_exportOne(new QPushButton(u"Export…"_s, this))
    , m_exportAll(new QPushButton(u"Export all…"_s, this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_preview(new QTextBrowser(this))
    , m_diagrams(new SequenceDiagramPane(document, this))
    , m_previewTimer(new QTimer(this))
{
    for (const ArtifactKind &kind : ArtifactCatalog::kinds()) {
        auto *item = new QListWidgetItem(kind.title, m_list);
        item->setData(Qt::UserRole, kind.name);
        item->setToolTip(kind.description);
    }
    m_list->setAccessibleName(u"Documents"_s);
    for (ArtifactFormat format : ArtifactFormats::all())
        m_format->addItem(ArtifactFormats::label(format), int(format));
    m_format->setCurrentIndex(m_format->findData(int(ArtifactFormat::Pdf)));
    m_exportOne->setToolTip(u"Export the selected document in the chosen format"_s);
    m_exportAll->setToolTip(u"Export every document in the chosen format"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_status->setOpenExternalLinks(true);
    m_preview->setOpenLinks(true);
    m_preview->setAccessibleName(u"Preview"_s);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(u"Documents"_s, side));
    sideLayout->addWidget(m_list, 1);
    auto *form = new QFormLayout;
    form->addRow(u"Environment:"_s, m_environment);
    form->addRow(u"Format:"_s, m_format);
    sideLayout->addLayout(form);
    sideLayout->addWidget(m_exportOne);
    sideLayout->addWidget(m_exportAll);
    sideLayout->addWidget(m_status);

    m_tabs->addTab(m_preview, u"Preview"_s);
    m_tabs->addTab(m_diagrams, u"Sequence diagrams"_s);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(side);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 740});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(splitter);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    connect(m_previewTimer, &QTimer::timeout, this, &ArtifactDocumentsPage::buildPreview);
    connect(m_list, &QListWidget::currentRowChanged, this, &ArtifactDocumentsPage::schedulePreview);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &ArtifactDocumentsPage::schedulePreview);
    connect(m_exportOne, &QPushButton::clicked, this, [this] { chooseFolderAndExport(false); });
    connect(m_exportAll, &QPushButton::clicked, this, [this] { chooseFolderAndExport(true); });
    const auto changed = [this] { schedulePreview(); };
    connect(m_document, &ProjectDocument::wasReset, this, [this] {
        refreshEnvironments();
        schedulePreview();
    });
    connect(m_document, &ProjectDocument::entityInserted, this, [this](const QString &kind) {
        if (kind == u"environment")
            refreshEnvironments();
        schedulePreview();
    });
    connect(m_document, &ProjectDocument::entityRemoved, this, [this](const QString &kind) {
        if (kind == u"environment")
            refreshEnvironments();
        schedulePreview();
    });
    connect(m_document, &ProjectDocument::entityChanged, this, changed);
    connect(m_document, &ProjectDocument::manifestChanged, this, changed);

    refreshEnvironments();
    m_list->setCurrentRow(0);
}

QString ArtifactDocumentsPage::currentArtifact() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ArtifactDocumentsPage::setCurrentArtifact(const QString &name)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == name)
            m_list->setCurrentRow(row);
    }
}

QString ArtifactDocumentsPage::environment() const
{
    return m_environment->currentData().toString();
}

void ArtifactDocumentsPage::setEnvironment(const QString &id)
{
    const int index = m_environment->findData(id);
    if (index >= 0)
        m_environment->setCurrentIndex(index);
}

ArtifactFormat ArtifactDocumentsPage::format() const
{
    return ArtifactFormat(m_format->currentData().toInt());
}

void ArtifactDocumentsPage::setFormat(ArtifactFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ArtifactDocumentsPage::refreshEnvironments()
{
    const QString current = environment();
    const QSignalBlocker blocker(m_environment);
    m_environment->clear();
    m_environment->addItem(u"All environments"_s, QString());
    for (const EntityRecord &record : m_document->entities(u"environment"_s))
        m_environment->addItem(record.name().isEmpty() ? record.id() : record.name(), record.id());
    const int index = m_environment->findData(current);
    m_environment->setCurrentIndex(std::max(0, index));
}

void ArtifactDocumentsPage::schedulePreview()
{
    m_previewTimer->start();
}

void ArtifactDocumentsPage::buildPreview()
{
    const QString artifact = currentArtifact();
    if (artifact.isEmpty())
        return;
    const quint64 generation = ++m_previewGeneration;
    QThread *guiThread = thread();
    // the colours are read here, on the GUI thread: the worker only gets the values
    auto work = [data = snapshot(m_document), environment = environment(), artifact, guiThread,
                    colors = PreviewColors::forPalette(m_preview->palette())]() -> Preview {
        const ArtifactContext context(ArtifactSources::gather(data, environment));
        Result<ArtifactDocument> built = ArtifactCatalog::build(artifact, context);
        if (!built)
            return {artifact, nullptr, built.errorString()};
        // the last owner may let go on any thread, the document lives on the GUI's: deleteLater
        // from elsewhere, at once on its own thread (where Qt may be discarding events, and
        // posting one would wait on its own lock)
        std::shared_ptr<QTextDocument> document(new QTextDocument, [](QTextDocument *d) {
            if (d->thread() == QThread::currentThread())
                delete d;
            else
                d->deleteLater();
        });
        TextDocumentBuilder::build(
            built.value(), document.get(), TextDocumentBuilder::Target::Screen, colors);
        document->moveToThread(guiThread);
        return {artifact, document, {}};
    };
    whenDone(QtConcurrent::run(work), this, [this, generation](const Preview &preview) {
        if (generation != m_previewGeneration)
            return; // a newer preview is on its way
        if (!preview.document) {
            m_preview->setPlainText(u"The preview could not be made: "_s + preview.error);
            return;
        }
        // keep the reader's place when the same document is rebuilt after an edit
        const bool same = m_preview->document()->property("jbArtifact").toString() == preview.artifact;
        const int scroll = m_preview->verticalScrollBar()->value();
        preview.document->setProperty("jbArtifact", preview.artifact);
        m_preview->setDocument(preview.document.get());
        m_shown = preview.document; // the previous document goes once the browser has let go of it
        if (same)
            m_preview->verticalScrollBar()->setValue(scroll);
        Q_EMIT previewUpdated(preview.artifact);
    });
}

void ArtifactDocumentsPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // View > Theme: the preview's colours come from the palette, so a new one rebuilds it
    if (event->type() == QEvent::PaletteChange)
        schedulePreview();
}

bool ArtifactDocumentsPage::exportArtifacts(
    const QStringList &names, ArtifactFormat format, const QString &folder)
{
    if (m_exporting)
        return false;
    setExporting(true);
    m_status->setText(u"Exporting…"_s);
    auto work = [data = snapshot(m_document), environment = environment(), names, format, folder] {
        const ArtifactContext context(ArtifactSources::gather(data, environment));
        return ArtifactExporter::exportArtifacts(names, format, folder, context);
    };
    whenDone(QtConcurrent::run(work), this, [this, folder](const Result<QStringList> &written) {
        setExporting(false);
        if (!written) {
            m_status->setText(u"Export failed: "_s + written.errorString().toHtmlEscaped());
            Q_EMIT exportFinished(false, {}, written.errorString());
            return;
        }
        m_status->setText(u"%1 file(s) written to <a href=\"%2\">%3</a>"_s.arg(written.value().size())
                              .arg(QUrl::fromLocalFile(folder).toString(),
                                  QDir::toNativeSeparators(folder).toHtmlEscaped()));
        Q_EMIT exportFinished(true, written.value(), {});
    });
    return true;
}

void ArtifactDocumentsPage::chooseFolderAndExport(bool all)
{
    const QString start = !m_lastFolder.isEmpty() ? m_lastFolder
        : m_document->hasFolder()                 ? QDir(m_document->folder()).filePath(u"exports"_s)
                                                  : QDir::homePath();
    const QString folder = QFileDialog::getExistingDirectory(this, u"Export into"_s, start);
    if (folder.isEmpty())
        return;
    m_lastFolder = folder;
    exportArtifacts(all ? ArtifactCatalog::names() : QStringList{currentArtifact()}, format(), folder);
}

void ArtifactDocumentsPage::setExporting(bool exporting)
{
    m_exporting = exporting;
    m_exportOne->setEnabled(!exporting);
    m_exportAll->setEnabled(!exporting);
}

} // namespace jb
