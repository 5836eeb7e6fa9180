#pragma once

#include <QWidget>

class QAbstractItemModel;

namespace jb {

class ArtifactDocumentsPage;
class ProjectDocument;

// The Artifacts page of the navigator: its header over the documents the journey hands over
// (ArtifactDocumentsPage: the list, a live preview, export of one or all).
class ArtifactsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArtifactsPage)

public:
    ArtifactsPage(ProjectDocument *document, QAbstractItemModel *navigator, QWidget *parent = nullptr);

    ArtifactDocumentsPage *documents() const { return m_documents; }

private:
    ArtifactDocumentsPage *m_documents;
};

} // namespace jb
