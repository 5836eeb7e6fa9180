#include "pdfrenderer.h"

#include "textdocumentbuilder.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace jb {

Status PdfRenderer::render(const ArtifactDocument &artifact, QIODevice *device)
{
    QPdfWriter writer(device);
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 18, 18, 20), QPageLayout::Millimeter));
    writer.setTitle(artifact.title() + u" — "_s + artifact.stamp().project);
    writer.setCreator(u"JourneyBench "_s + QStringLiteral(JB_VERSION));

    QTextDocument document;
    // measure text for the PDF's resolution, not the screen's
    document.documentLayout()->setPaintDevice(&writer);
    document.setDocumentMargin(0);
    TextDocumentBuilder::build(artifact, &document, TextDocumentBuilder::Target::Print);
    const QRectF body = writer.pageLayout().paintRectPixels(writer.resolution());
    document.setPageSize(body.size());
    TextDocumentBuilder::paginate(&document);
    const int pages = document.pageCount();

    QPainter painter;
    if (!painter.begin(&writer))
        return Status::failure(Error::Code::Io, u"cannot start the PDF: %1"_s.arg(device->errorString()));
    const double point = writer.resolution() / 72.0;
    const QColor muted(0x64, 0x74, 0x8b);
    QFont small(u"DejaVu Sans"_s);
    small.setPointSizeF(7);
    const ArtifactStamp &stamp = artifact.stamp();
    const QString footerLeft = u"%1 · version %2 · %3 · generated %4"_s.arg(
        stamp.project, stamp.version, stamp.environment, stamp.generatedText());
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        painter.save();
        painter.setClipRect(QRectF(0, 0, body.width(), body.height()));
        painter.translate(0, -page * body.height());
        document.drawContents(&painter, QRectF(0, page * body.height(), body.width(), body.height()));
        painter.restore();

        painter.save();
        painter.setFont(small);
        painter.setPen(QPen(muted, 0.5 * point));
        if (page > 0) { // the first page shows the title in full
            const QRectF header(0, -14 * point, body.width(), 10 * point);
            painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom, artifact.title());
            painter.drawText(header, Qt::AlignRight | Qt::AlignBottom, stamp.project);
            painter.drawLine(QPointF(0, -3 * point), QPointF(body.width(), -3 * point));
        }
        const QRectF footer(0, body.height() + 8 * point, body.width(), 10 * point);
        painter.drawLine(
            QPointF(0, body.height() + 5 * point), QPointF(body.width(), body.height() + 5 * point));
        const QString pageText = u"page %1 of %2"_s.arg(page + 1).arg(pages);
        const double pageWidth = painter.fontMetrics().horizontalAdvance(pageText) + 12 * point;
        painter.drawText(footer.adjusted(0, 0, -pageWidth, 0), Qt::AlignLeft | Qt::AlignTop,
            painter.fontMetrics().elidedText(footerLeft, Qt::ElideMiddle, int(footer.width() - pageWidth)));
        painter.drawText(footer, Qt::AlignRight | Qt::AlignTop, pageText);
        painter.restore();
    }
    if (!painter.end())
        return Status::failure(Error::Code::Io, u"cannot finish the PDF: %1"_s.arg(device->errorString()));
    return {};
}

} // namespace jb
