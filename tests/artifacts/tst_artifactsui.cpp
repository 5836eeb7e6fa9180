// The artifact widgets under the offscreen platform: the documents page previews and exports off
// the GUI thread, the sequence diagram view zooms and exports, and a drag on the timeline edits the
// dates in one undoable step.

#include "artifactdocumentspage.h"
#include "artifactexporter.h"
#include "artifacttestdata.h"
#include "documenteditor.h"
#include "projectdocument.h"
#include "sequencediagrampane.h"
#include "sequencediagramview.h"
#include "timelineview.h"

#include <QComboBox>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUndoStack>
#include <QWheelEvent>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString timelineDate(const ProjectDocument &document, const QString &phase, const QString &key)
{
    return document.manifest().value(u"timeline"_s).toObject().value(phase).toObject().value(key).toString();
}

void sendMouse(QWidget *widget, QEvent::Type type, QPointF position, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, position, widget->mapToGlobal(position), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

void drag(QWidget *widget, QPointF from, QPointF to)
{
    sendMouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton);
    // two steps, as a hand would move
    sendMouse(widget, QEvent::MouseMove, (from + to) / 2, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseMove, to, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseButtonRelease, to, Qt::NoButton);
}

} // namespace

class TestArtifactsUi final : public QObject
{
    Q_OBJECT

private:
    ProjectDocument m_document;
    QUndoStack m_stack;

private Q_SLOTS:
    void init()
    {
        m_stack.clear();
        ProjectData data = test::sampleProject();
        QVERIFY(!data.entities.isEmpty());
        m_document.reset(data);
    }

    void pagePreviewsEachDocument_data()
    {
        QTest::addColumn<QString>("artifact");
        QTest::addColumn<QString>("text");
        QTest::addRow("vpn") << u"vpn"_s << u"Tunnel: VPN to the ERP hosting partner"_s;
        QTest::addRow("integration list") << u"integration-list"_s << u"Integration flows"_s;
        QTest::addRow("service catalogue") << u"service-catalogue"_s << u"Sequence diagrams"_s;
        QTest::addRow("report") << u"journey-report"_s << u"Phase completion and sign-offs"_s;
    }
    void pagePreviewsEachDocument()
    {
        QFETCH(QString, artifact);
        QFETCH(QString, text);
        ArtifactDocumentsPage page(&m_document);
        page.resize(1100, 700);
        page.show();
        QSignalSpy updated(&page, &ArtifactDocumentsPage::previewUpdated);
        page.setCurrentArtifact(artifact);
        QCOMPARE(page.currentArtifact(), artifact);
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty() && updated.last().at(0).toString() == artifact, 60000);
        const QString shown = page.preview()->toPlainText();
        if (qEnvironmentVariableIsSet("JB_KEEP_SCREENSHOTS"))
            page.grab().save(QDir(qEnvironmentVariable("JB_KEEP_SCREENSHOTS"))
                                 .filePath(u"page-"_s + artifact + u".png"_s));
        QVERIFY2(shown.contains(text), qPrintable(shown.left(300)));
        QVERIFY(shown.contains(m_document.manifest().value(u"name"_s).toString()));
    }

    void previewFollowsEdits()
    {
        ArtifactDocumentsPage page(&m_document);
        page.show();
        QSignalSpy updated(&page, &ArtifactDocumentsPage::previewUpdated);
        page.setCurrentArtifact(u"integration-list"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 60000);
        QVERIFY(!page.preview()->toPlainText().contains(u"Renamed flow"_s));
        DocumentEditor editor(&m_document, &m_stack);
        updated.clear();
        editor.setField(
            u"flow"_s, m_document.rowOf(u"flow"_s, u"customer-sync"_s), u"name"_s, u"Renamed flow"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 60000);
        QVERIFY(page.preview()->toPlainText().contains(u"Renamed flow"_s));
    }

    void pageExports_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("suffix");
        QTest::addRow("markdown") << int(ArtifactFormat::Markdown) << u".md"_s;
        QTest::addRow("pdf") << int(ArtifactFormat::Pdf) << u".pdf"_s;
        QTest::addRow("xlsx") << int(ArtifactFormat::Xlsx) << u".xlsx"_s;
    }
    void pageExports()
    {
        QFETCH(int, format);
        QFETCH(QString, suffix);
        ArtifactDocumentsPage page(&m_document);
        page.show();
        QTemporaryDir out;
        QSignalSpy finished(&page, &ArtifactDocumentsPage::exportFinished);
        const QStringList names = {u"vpn"_s, u"integration-list"_s};
        QVERIFY(page.exportArtifacts(names, ArtifactFormat(format), out.path()));
        QVERIFY(page.isExporting());
        // a second export waits for the first
        QVERIFY(!page.exportArtifacts(names, ArtifactFormat(format), out.path()));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 120000);
        QVERIFY(!page.isExporting());
        QCOMPARE(finished.first().at(0).toBool(), true);
        const QStringList files = finished.first().at(1).toStringList();
        QCOMPARE(files.size(), 2);
        for (const QString &name : names) {
            const QString path = QDir(out.path()).filePath(name + suffix);
            QVERIFY2(files.contains(path), qPrintable(files.join(u", "_s)));
            QVERIFY(QFileInfo(path).size() > 0);
        }
    }

    void pageReportsExportFailure()
    {
        ArtifactDocumentsPage page(&m_document);
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"taken"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QSignalSpy finished(&page, &ArtifactDocumentsPage::exportFinished);
        QVERIFY(page.exportArtifacts({u"vpn"_s}, ArtifactFormat::Markdown, dir.filePath(u"taken"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(2).toString().contains(u"cannot create the folder"_s));
    }

    void diagramViewZoomsAndExports()
    {
        SequenceDiagramPane pane(&m_document);
        pane.resize(900, 600);
        pane.show();
        QCOMPARE(pane.flows()->count(), 4);
        pane.setCurrentFlow(u"customer-sync"_s);
        SequenceDiagramView *view = pane.view();
        QCOMPARE(view->diagram().id, u"customer-sync"_s);
        QVERIFY(!view->scene()->items().isEmpty());

        QSignalSpy zoomed(view, &SequenceDiagramView::zoomChanged);
        view->zoomIn();
        QCOMPARE(view->zoom(), 1.25);
        view->zoomOut();
        QCOMPARE(view->zoom(), 1.0);
        QWheelEvent wheel(QPointF(50, 50), view->viewport()->mapToGlobal(QPointF(50, 50)), QPoint(),
            QPoint(0, 240), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QCOMPARE(view->zoom(), 1.5625);
        view->setZoom(100);
        QCOMPARE(view->zoom(), SequenceDiagramView::maximumZoom);
        QCOMPARE(zoomed.size(), 4);
        view->resetZoom();

        QTemporaryDir out;
        QSignalSpy exported(view, &SequenceDiagramView::exportFinished);
        view->exportTo(out.filePath(u"sync.svg"_s));
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 30000);
        QCOMPARE(exported.first().at(1).toString(), QString());
        QXmlStreamReader svg;
        QFile file(out.filePath(u"sync.svg"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        svg.addData(file.readAll());
        bool titled = false;
        while (!svg.atEnd()) {
            svg.readNext();
            if (svg.isStartElement() && svg.name() == u"title")
                titled = svg.readElementText() == u"Customer sync"_s;
        }
        QVERIFY2(!svg.hasError(), qPrintable(svg.errorString()));
        QVERIFY(titled);

        view->exportTo(out.filePath(u"sync.png"_s));
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 2, 30000);
        QCOMPARE(exported.at(1).at(1).toString(), QString());
        const QImage image(out.filePath(u"sync.png"_s));
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), int(std::ceil(view->picture().size().width() * 2)));

        view->exportTo(out.filePath(u"sync.gif"_s));
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 3, 30000);
        QVERIFY(!exported.at(2).at(1).toString().isEmpty());
        QVERIFY(!QFileInfo::exists(out.filePath(u"sync.gif"_s)));
    }

    void diagramFollowsEdits()
    {
        SequenceDiagramPane pane(&m_document);
        pane.setCurrentFlow(u"consulta-cep-sp"_s);
        DocumentEditor editor(&m_document, &m_stack);
        editor.setField(u"service"_s, m_document.rowOf(u"service"_s, u"viacep-cep"_s), u"exceptions"_s,
            u"HTTP 418 teapot"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(pane.view()->diagram().steps.cbegin(), pane.view()->diagram().steps.cend(),
                [](const SequenceStep &step) { return step.text == u"HTTP 418 teapot"; }),
            5000);
    }

    void timelineDragMovesDatesAndUndoRestores_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::addColumn<bool>("planned");
        QTest::addColumn<QString>("grip"); // move, start, end
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addRow("move the servers plan a week later")
            << u"servers"_s << true << u"move"_s << 7 << u"2026-10-19"_s << u"2026-11-07"_s;
        QTest::addRow("move the pipes plan three days earlier")
            << u"pipes"_s << true << u"move"_s << -3 << u"2026-11-20"_s << u"2026-12-16"_s;
        QTest::addRow("stretch the contracts plan by five days")
            << u"contracts"_s << true << u"end"_s << 5 << u"2026-11-09"_s << u"2026-12-10"_s;
        QTest::addRow("start the deploy plan two days earlier")
            << u"deploy"_s << true << u"start"_s << -2 << u"2027-01-23"_s << u"2027-02-05"_s;
        QTest::addRow("move the systems actual dates")
            << u"systems"_s << false << u"move"_s << 1 << u"2026-10-21"_s << u"2026-11-11"_s;
    }
    void timelineDragMovesDatesAndUndoRestores()
    {
        QFETCH(QString, phase);
        QFETCH(bool, planned);
        QFETCH(QString, grip);
        QFETCH(int, days);
        QFETCH(QString, start);
        QFETCH(QString, end);
        DocumentEditor editor(&m_document, &m_stack);
        TimelineView view(&editor);
        view.setToday(QDate(2026, 11, 28));
        view.resize(1000, view.minimumSizeHint().height());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const JourneyTimeline::Bar bar
            = planned ? JourneyTimeline::Bar::Planned : JourneyTimeline::Bar::Actual;
        const QString startKey = JourneyTimeline::startKey(bar);
        const QString endKey = JourneyTimeline::endKey(bar);
        const QString oldStart = timelineDate(m_document, phase, startKey);
        const QString oldEnd = timelineDate(m_document, phase, endKey);
        const QRectF rect = view.barRect(phase, bar);
        QVERIFY2(!rect.isEmpty(), qPrintable(phase));
        QPointF from = rect.center();
        if (grip == u"start")
            from.setX(rect.left() + 1);
        else if (grip == u"end")
            from.setX(rect.right() - 1);
        drag(&view, from, from + QPointF(days * view.dayWidth(), 0));
        QVERIFY(!view.isDragging());
        QCOMPARE(timelineDate(m_document, phase, startKey), start);
        QCOMPARE(timelineDate(m_document, phase, endKey), end);
        QCOMPARE(m_stack.count(), 1); // one drag, one command
        QVERIFY(!m_stack.undoText().isEmpty());
        m_stack.undo();
        QCOMPARE(timelineDate(m_document, phase, startKey), oldStart);
        QCOMPARE(timelineDate(m_document, phase, endKey), oldEnd);
        m_stack.redo();
        QCOMPARE(timelineDate(m_document, phase, startKey), start);
    }

    void timelineDragCancelledByEscapeOrTooShort()
    {
        DocumentEditor editor(&m_document, &m_stack);
        TimelineView view(&editor);
        view.setToday(QDate(2026, 11, 28));
        view.resize(1000, view.minimumSizeHint().height());
        view.show();
        const QRectF rect = view.barRect(u"servers"_s, JourneyTimeline::Bar::Planned);
        const QJsonObject before = m_document.manifest();
        sendMouse(&view, QEvent::MouseButtonPress, rect.center(), Qt::LeftButton);
        sendMouse(&view, QEvent::MouseMove, rect.center() + QPointF(10 * view.dayWidth(), 0), Qt::LeftButton);
        QVERIFY(view.isDragging());
        QTest::keyClick(&view, Qt::Key_Escape);
        QVERIFY(!view.isDragging());
        sendMouse(&view, QEvent::MouseButtonRelease, rect.center() + QPointF(10 * view.dayWidth(), 0),
            Qt::NoButton);
        QCOMPARE(m_document.manifest(), before);
        // less than half a day moves nothing
        drag(&view, rect.center(), rect.center() + QPointF(view.dayWidth() * 0.3, 0));
        QCOMPARE(m_document.manifest(), before);
        QCOMPARE(m_stack.count(), 0);
    }

    void timelineDrawsLateAndToday()
    {
        DocumentEditor editor(&m_document, &m_stack);
        TimelineView view(&editor);
        view.setToday(QDate(2026, 11, 28));
        view.resize(1000, view.minimumSizeHint().height());
        const TimelineChart chart(
            JourneyTimeline::fromManifest(m_document.manifest()), view.today(), view.width());
        const DiagramPicture picture = chart.picture();
        int lateMarks = 0;
        bool today = false;
        for (const DiagramItem &item : picture.items()) {
            lateMarks += item.kind == DiagramItem::Kind::Box && item.text == u"late" ? 1 : 0;
            today = today || (item.tone == DiagramItem::Tone::Today && item.kind == DiagramItem::Kind::Line);
        }
        // connection, servers and services are late; systems finished late
        QCOMPARE(lateMarks, 4);
        QVERIFY(today);
        QVERIFY(picture.find(u"row:deploy"_s));
        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        if (qEnvironmentVariableIsSet("JB_KEEP_SCREENSHOTS")) // to look at the widget after the run
            image.save(QDir(qEnvironmentVariable("JB_KEEP_SCREENSHOTS")).filePath(u"timelineview.png"_s));
    }
};

} // namespace jb

QTEST_MAIN(jb::TestArtifactsUi)
#include "tst_artifactsui.moc"
