// Sequence diagrams of the sample flows: Mermaid and PlantUML compared whole with the expected
// files, PlantUML checked by plantuml itself when it is installed, and the drawn layout checked for
// overlaps and for labels that leave their arrows.

#include "artifacttestdata.h"
#include "sequencediagrambuilder.h"
#include "sequencediagramtext.h"
#include "sequencelayout.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace jb {

class TestSequenceDiagrams final : public QObject
{
    Q_OBJECT

private:
    static QString expected(const QString &name)
    {
        QFile file(QStringLiteral(JB_SOURCE_DIR "/tests/artifacts/expected/") + name);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    // On a mismatch, the actual text is kept beside the build for a diff.
    static QString keepActual(const QString &name, const QString &text)
    {
        const QString path = QDir::current().filePath(u"actual-"_s + name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(text.toUtf8());
        return path;
    }

    static void addFlows()
    {
        QTest::addColumn<QString>("flow");
        for (const QString &flow :
            {u"consulta-cep-sp"_s, u"customer-sync"_s, u"erp-orders-billing"_s, u"erp-orders-logistics"_s})
            QTest::addRow("%s", qPrintable(flow)) << flow;
    }

    QList<EntityRecord> m_entities;

private Q_SLOTS:
    void initTestCase()
    {
        m_entities = test::sampleProject().entities;
        QVERIFY2(!m_entities.isEmpty(), "the sample project loads without problems");
    }

    void mermaid_data() { addFlows(); }
    void mermaid()
    {
        QFETCH(QString, flow);
        const SequenceDiagram diagram = SequenceDiagramBuilder::forFlow(m_entities, flow);
        const QString text = SequenceDiagramText::mermaid(diagram);
        const QString want = expected(flow + u".mmd"_s);
        if (text != want)
            qWarning("actual text written to %s", qPrintable(keepActual(flow + u".mmd"_s, text)));
        QVERIFY2(!want.isEmpty(), "the expected Mermaid file exists");
        QCOMPARE(text, want);
    }

    void plantUml_data() { addFlows(); }
    void plantUml()
    {
        QFETCH(QString, flow);
        const SequenceDiagram diagram = SequenceDiagramBuilder::forFlow(m_entities, flow);
        const QString text = SequenceDiagramText::plantUml(diagram);
        const QString want = expected(flow + u".puml"_s);
        if (text != want)
            qWarning("actual text written to %s", qPrintable(keepActual(flow + u".puml"_s, text)));
        QVERIFY2(!want.isEmpty(), "the expected PlantUML file exists");
        QCOMPARE(text, want);

        // plantuml pulls in Java, so it is not a dependency: the one check that runs only where it is
        const QString plantuml = QStandardPaths::findExecutable(u"plantuml"_s);
        if (plantuml.isEmpty()) {
            qInfo("plantuml is not installed: 'plantuml -checkonly' not run (the text was compared whole)");
            return;
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(flow + u".puml"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text.toUtf8());
        file.close();
        QProcess process;
        process.start(plantuml, {u"-checkonly"_s, file.fileName()});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    }

    // The error paths come from the services' exceptions and the flow's error treatment.
    void errorPaths_data()
    {
        QTest::addColumn<QString>("flow");
        QTest::addColumn<int>("errorAnswers");
        QTest::addColumn<int>("errorEvents");
        // consultaCEP: 4 exceptions answered to the consumer; ViaCEP: 3 exceptions of its own
        QTest::addRow("consulta-cep-sp") << u"consulta-cep-sp"_s << 7 << 1;
        // the portal's 422
        QTest::addRow("customer-sync") << u"customer-sync"_s << 1 << 1;
        // no service lists exceptions: only the shared error-treatment pipe
        QTest::addRow("erp-orders-billing") << u"erp-orders-billing"_s << 0 << 1;
    }
    void errorPaths()
    {
        QFETCH(QString, flow);
        QFETCH(int, errorAnswers);
        QFETCH(int, errorEvents);
        const SequenceDiagram diagram = SequenceDiagramBuilder::forFlow(m_entities, flow);
        const auto count = [&](SequenceStep::Kind kind) {
            return int(std::count_if(diagram.steps.cbegin(), diagram.steps.cend(),
                [kind](const SequenceStep &step) { return step.kind == kind; }));
        };
        QCOMPARE(count(SequenceStep::Kind::ErrorReply), errorAnswers);
        const int events
            = int(std::count_if(diagram.steps.cbegin(), diagram.steps.cend(), [](const SequenceStep &step) {
                  return step.kind == SequenceStep::Kind::Event && step.to == u"error_pipe";
              }));
        QCOMPARE(events, errorEvents);
        // every group that opens is closed
        int depth = 0;
        for (const SequenceStep &step : diagram.steps) {
            if (step.kind == SequenceStep::Kind::Alt || step.kind == SequenceStep::Kind::Opt)
                ++depth;
            else if (step.kind == SequenceStep::Kind::End)
                --depth;
            QVERIFY(depth >= 0);
        }
        QCOMPARE(depth, 0);
    }

    void unknownFlowIsEmpty()
    {
        QVERIFY(SequenceDiagramBuilder::forFlow(m_entities, u"no-such-flow"_s).isEmpty());
        QCOMPARE(SequenceDiagramBuilder::forAllFlows(m_entities).size(), 4);
    }

    // Drawn: message labels never overlap each other, each fits between its arrow's ends, and
    // every frame encloses the arrows inside it.
    void layout_data() { addFlows(); }
    void layout()
    {
        QFETCH(QString, flow);
        const SequenceDiagram diagram = SequenceDiagramBuilder::forFlow(m_entities, flow);
        const DiagramPicture picture = SequenceLayout::layout(diagram);
        QVERIFY(!picture.size().isEmpty());
        QList<QRectF> labels;
        for (const DiagramItem &item : picture.items()) {
            QVERIFY2(QRectF(QPointF(0, 0), picture.size())
                         .contains(DiagramPicture::bounds(item).adjusted(4, 4, -4, -4)),
                qPrintable(u"inside the picture: "_s + item.text));
            if (item.kind == DiagramItem::Kind::Text && item.key.startsWith(u"step:"))
                labels.append(item.rect);
            if (item.kind != DiagramItem::Kind::Arrow)
                continue;
            const DiagramItem *label = nullptr;
            for (const DiagramItem &other : picture.items()) {
                if (other.kind == DiagramItem::Kind::Text && other.key == item.key)
                    label = &other;
            }
            QVERIFY2(label, qPrintable(u"a label for "_s + item.key));
            const double left = std::min(item.line.x1(), item.line.x2());
            const double right = std::max(item.line.x1(), item.line.x2());
            QVERIFY2(label->rect.left() >= left - 0.5 && label->rect.right() <= right + 0.5,
                qPrintable(u"label within its arrow: "_s + label->text));
            QVERIFY2(label->rect.bottom() <= item.line.y1(),
                qPrintable(u"label above its arrow: "_s + label->text));
        }
        for (int i = 0; i < labels.size(); ++i) {
            for (int j = i + 1; j < labels.size(); ++j)
                QVERIFY2(!labels.at(i).intersects(labels.at(j)), "message labels do not overlap");
        }
    }

    void svgAndPng()
    {
        const SequenceDiagram diagram = SequenceDiagramBuilder::forFlow(m_entities, u"consulta-cep-sp"_s);
        const DiagramPicture picture = SequenceLayout::layout(diagram, SequenceLayout::Title::Shown);
        const QByteArray svg = picture.toSvg(diagram.title);
        QXmlStreamReader xml(svg);
        QStringList texts;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"text")
                texts.append(xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified());
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        const QString all = texts.join(u' ');
        QVERIFY2(all.contains(u"Consulta CEP — São Paulo"_s), qPrintable(all));
        QVERIFY(all.contains(u"/consultaCEP/{cep}"_s));
        QVERIFY(all.contains(u"Error-treatment pipe"_s));

        const QImage image = picture.toImage(2.0);
        QCOMPARE(image.width(), int(std::ceil(picture.size().width() * 2)));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        QImage back;
        QVERIFY(back.loadFromData(buffer.data(), "PNG"));
        // something was drawn: the participant boxes' fills are not white
        bool coloured = false;
        for (int y = 0; y < back.height() && !coloured; y += 3) {
            for (int x = 0; x < back.width() && !coloured; x += 3)
                coloured = back.pixelColor(x, y) != QColor(Qt::white);
        }
        QVERIFY(coloured);
    }
};

} // namespace jb

QTEST_MAIN(jb::TestSequenceDiagrams)
#include "tst_sequencediagrams.moc"
