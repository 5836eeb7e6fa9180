#include "artifactspage.h"

#include "artifactdocumentspage.h"
#include "navigatormodel.h"
#include "pageheader.h"

#include <QVBoxLayout>

namespace jb {

ArtifactsPage::ArtifactsPage(ProjectDocument *document, QAbstractItemModel *navigator, QWidget *parent)
    : QWidget(parent)
    , m_documents(new ArtifactDocumentsPage(document, this))
{
    auto *body = new QVBoxLayout;
    body->setContentsMargins(16, 10, 16, 12);
    body->addWidget(m_documents, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(new PageHeader(navigator, NavigatorModel::artifactsRow, this));
    layout->addLayout(body, 1);
}

} // namespace jb
