// Every document of the sample project in every format, read back the way other programs read
// them: PDF through poppler (text, pages, fonts), HTML as XML, Markdown tables by their pipes, CSV
// by RFC 4180 and XLSX from its XML parts. No secret value may appear anywhere.

#include "artifactcatalog.h"
#include "artifactexporter.h"
#include "artifacttestdata.h"
#include "exportreader.h"
#include "markdownrenderer.h"
#include "pdfrenderer.h"
#include "xlsxrenderer.h"

#include <QBuffer>
#include <QImage>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::StringLiterals;
using jb::test::ExportReader;

namespace jb {

namespace {

// What a reader must find in a document, whatever the format.
struct Expectation
{
    QString artifact;
    QStringList headings;
    QStringList texts; // table cells and sentences
    QString table; // a table's caption ...
    int row = 0; // ... one of its rows ...
    QStringList cells; // ... exactly
    int figures = 0;
};

QList<Expectation> expectations()
{
    return {
        {u"vpn"_s, {u"Tunnel: VPN to the ERP hosting partner"_s, u"Exposed endpoints"_s},
            {u"198.51.100.20, 198.51.100.21"_s, u"AES-256-GCM"_s, u"28800 s"_s, u"172.16.50.0/24"_s,
                u"Tunnel probe"_s, u"not tested"_s, u"Production (prod)"_s},
            u"Contacts: VPN to the ERP hosting partner"_s, 0,
            {u"Rafael Lima"_s, u"Network engineer (partner)"_s, u"rafael.lima@nuvemhosting.example"_s,
                u"+55 11 4002-8922"_s},
            0},
        {u"firewall-request"_s, {u"Rules"_s},
            {u"10.20.0.0/24"_s, u"127.0.0.1/32"_s, u"Order files"_s, u"not tested"_s}, u"Firewall rules"_s, 0,
            {u"1"_s, u"10.20.0.0/24"_s,
                u"172.16.50.12 erp01.nuvemhosting.example (ERP application server (production))"_s, u"443"_s,
                u"tcp/https"_s, u"ERP orders API"_s, u"Production (prod)"_s, u"unknown"_s, u"not tested"_s},
            0},
        {u"integration-list"_s, {u"Systems"_s, u"Integration flows"_s, u"Status per phase"_s},
            {u"8 systems take part in 4 integration flows, built as 4 pipes."_s, u"Order to cash"_s,
                u"Paulo Andrade, 2026-11-10"_s, u"Finished late"_s},
            u"Integration flows"_s, 0,
            {u"Consulta CEP — São Paulo"_s, u"ViaCEP (VCEP) → Customer system (CRM)"_s,
                u"Same-day delivery eligibility"_s, u"rest"_s, u"1"_s,
                u"Shared error-treatment pipe: records the event, retries retriable errors once after 30 s"_s,
                u"consultaCEP, ViaCEP — address by CEP"_s},
            0},
        {u"service-catalogue"_s,
            {u"consultaCEP"_s, u"customers table"_s, u"Sequence diagrams"_s, u"Customer sync"_s},
            {u"/consultaCEP/{cep}"_s, u"Customer system's API key"_s,
                u"SELECT on customers for the integration user"_s,
                u"Retry once on connection failure or 5xx; never retry 400."_s},
            u"Contract fields: consultaCEP response"_s, 3,
            {u"message"_s, u"string"_s, u"yes"_s, QString(), u"é São Paulo, não é São Paulo"_s,
                u"é São Paulo"_s},
            4},
        // the sample's one mapping, as the mapping engine reads it: rules, types, examples mapped for real
        {u"de-para"_s, {u"Customers: table → portal"_s},
            {u"System B (consumer)"_s,
                u"No gaps: every required field of Customer portal (PORTAL) has a source."_s},
            u"De-Para: Customers: table → portal"_s, 3,
            {u"customerphone"_s, u"string"_s, u"phone-br"_s, u"phone"_s, u"string"_s, u"yes"_s,
                u"(11) 98765-4321"_s, u"+5511987654321"_s},
            0},
        {u"journey-report"_s,
            {u"Contents"_s, u"1  Summary"_s, u"2  Phase completion and sign-offs"_s, u"3  Timeline"_s,
                u"4  Connection: VPN establishment"_s, u"5  Servers: firewall request"_s,
                u"6  Systems: integration list"_s, u"7  Services: catalogue and sequence diagrams"_s,
                u"8  Contracts: De-Para tables"_s, u"9  Environments"_s},
            {u"Integration journey report"_s, u"Integration list approved by the architecture board."_s,
                u"customer-portal-token"_s, u"viacep.baseUrl"_s, u"2026-10-01 → 2026-10-24"_s},
            u"Sign-offs"_s, 0,
            {u"Systems"_s, u"whole phase"_s, u"Paulo Andrade"_s, u"2026-11-10T14:35:00Z"_s,
                u"Integration list approved by the architecture board."_s},
            5},
    };
}

void addExpectations()
{
    QTest::addColumn<QString>("artifact");
    for (const Expectation &expectation : expectations())
        QTest::addRow("%s", qPrintable(expectation.artifact)) << expectation.artifact;
}

Expectation expectationFor(const QString &artifact)
{
    for (const Expectation &expectation : expectations()) {
        if (expectation.artifact == artifact)
            return expectation;
    }
    return {};
}

} // namespace

class TestArtifactExport final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_out;
    std::unique_ptr<ArtifactContext> m_context;
    QHash<QString, ArtifactDocument> m_documents;
    QHash<QString, QStringList> m_files; // "artifact/format" -> files

    QString file(const QString &artifact, ArtifactFormat format) const
    {
        return m_files.value(artifact + u'/' + ArtifactFormats::key(format)).value(0);
    }

    void checkNoSecret(const QString &text)
    {
        for (const QString &secret : test::secretValues())
            QVERIFY2(!text.contains(secret), "a secret value in the output");
    }

    void checkStamp(const QString &text)
    {
        const ArtifactStamp &stamp = m_context->stamp();
        QVERIFY2(text.contains(stamp.version), "the project version is stated");
        QVERIFY2(text.contains(stamp.environment), "the environment is stated");
        QVERIFY2(text.contains(stamp.generatedText()), "the generation time is stated");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        if (qEnvironmentVariableIsSet("JB_KEEP_EXPORTS")) { // to look at the files after the run
            m_out.setAutoRemove(false);
            qInfo("exports kept in %s", qPrintable(m_out.path()));
        }
        m_context = std::make_unique<ArtifactContext>(test::sampleInput());
        QVERIFY(!m_context->input().project.entities.isEmpty());
        for (const QString &name : ArtifactCatalog::names()) {
            Result<ArtifactDocument> document = ArtifactCatalog::build(name, *m_context);
            QVERIFY2(document.ok(), qPrintable(document.errorString()));
            m_documents.insert(name, document.value());
            for (ArtifactFormat format : ArtifactFormats::all()) {
                const Result<QStringList> files
                    = ArtifactExporter::write(document.value(), format, m_out.path());
                QVERIFY2(files.ok(), qPrintable(files.errorString()));
                m_files.insert(name + u'/' + ArtifactFormats::key(format), files.value());
            }
        }
    }

    void markdown_data() { addExpectations(); }
    void markdown()
    {
        QFETCH(QString, artifact);
        const Expectation expected = expectationFor(artifact);
        const QString text
            = QString::fromUtf8(ExportReader::readFile(file(artifact, ArtifactFormat::Markdown)));
        QVERIFY(text.startsWith(u"# "_s + m_documents.value(artifact).title()));
        checkStamp(text);
        checkNoSecret(text);
        for (const QString &heading : expected.headings)
            QVERIFY2(text.contains(u"## "_s + MarkdownRenderer::escape(heading))
                    || text.contains(u"# "_s + heading),
                qPrintable(heading));
        for (const QString &cell : expected.texts)
            QVERIFY2(text.contains(MarkdownRenderer::escape(cell, true)), qPrintable(cell));
        QString problem;
        const QList<QList<QStringList>> tables = ExportReader::markdownTables(text, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(tables.size(), m_documents.value(artifact).tables().size());
        if (!expected.table.isEmpty()) {
            bool found = false;
            for (const QList<QStringList> &table : tables)
                found = found || table.value(expected.row + 2) == expected.cells;
            QVERIFY2(found, qPrintable(expected.cells.join(u" | "_s)));
        }
        QCOMPARE(int(text.count(u"```mermaid\n"_s)), expected.figures);
    }

    void html_data() { addExpectations(); }
    void html()
    {
        QFETCH(QString, artifact);
        const Expectation expected = expectationFor(artifact);
        const QString path = file(artifact, ArtifactFormat::Html);
        const test::ToolOutput lint = ExportReader::run(u"xmllint"_s, {u"--noout"_s, path});
        QVERIFY2(lint.exitCode == 0, lint.err.constData());
        QXmlStreamReader xml(ExportReader::readFile(path));
        QStringList headings;
        QStringList cells;
        int svgs = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            const QStringView name = xml.name();
            if (name == u"svg")
                ++svgs;
            if (name.size() == 2 && name.at(0) == u'h' && name.at(1).isDigit())
                headings.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            else if (name == u"td" || name == u"dd")
                cells.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        for (const QString &heading : expected.headings)
            QVERIFY2(headings.contains(heading), qPrintable(heading));
        const QString text = QString::fromUtf8(ExportReader::readFile(path));
        for (const QString &cell : expected.texts)
            QVERIFY2(text.contains(cell.toHtmlEscaped()), qPrintable(cell));
        for (const QString &cell : expected.cells)
            QVERIFY2(cells.contains(cell), qPrintable(cell));
        QCOMPARE(svgs, expected.figures);
        checkStamp(text);
        checkNoSecret(text);
    }

    void pdf_data() { addExpectations(); }
    void pdf()
    {
        QFETCH(QString, artifact);
        const Expectation expected = expectationFor(artifact);
        const QString path = file(artifact, ArtifactFormat::Pdf);
        QVERIFY(ExportReader::readFile(path).startsWith("%PDF-"));
        const int pages = ExportReader::pdfPages(path);
        QVERIFY2(pages >= 1, "pdfinfo reads the page count");
        const QString text = ExportReader::pdfText(path);
        const QString squeezed = ExportReader::squeeze(text);
        QVERIFY2(squeezed.contains(ExportReader::squeeze(m_documents.value(artifact).title())),
            qPrintable(text.left(400)));
        for (const QString &heading : expected.headings)
            QVERIFY2(squeezed.contains(ExportReader::squeeze(heading)), qPrintable(heading));
        // whole rows are checked in the other formats: here a wrapped cell interleaves with its
        // neighbours, so only texts that fit on one line are looked for
        for (const QString &cell : expected.texts)
            QVERIFY2(squeezed.contains(ExportReader::squeeze(cell)), qPrintable(cell));
        checkStamp(text.simplified());
        checkNoSecret(squeezed);
        // the footer of every page
        QVERIFY(text.contains(u"page 1 of %1"_s.arg(pages)));
        QVERIFY(text.contains(u"page %1 of %1"_s.arg(pages)));
        QVERIFY2(ExportReader::pdfFontsNotEmbedded(path).isEmpty(),
            qPrintable(ExportReader::pdfFontsNotEmbedded(path).join(u'\n')));
        // every page renders, and none is blank
        QTemporaryDir images;
        const QStringList rendered = ExportReader::renderPdf(path, images.path());
        QCOMPARE(rendered.size(), pages);
        for (const QString &png : rendered) {
            const QImage image(png);
            QVERIFY2(!image.isNull(), qPrintable(png));
            int dark = 0;
            for (int y = 0; y < image.height(); y += 2) {
                for (int x = 0; x < image.width(); x += 2)
                    dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
            }
            QVERIFY2(dark > 20, qPrintable(png + u" is blank"_s));
        }
    }

    void csv_data() { addExpectations(); }
    void csv()
    {
        QFETCH(QString, artifact);
        const Expectation expected = expectationFor(artifact);
        const QList<DocTable> tables = m_documents.value(artifact).tables();
        const QStringList files = m_files.value(artifact + u"/csv"_s);
        QCOMPARE(files.size(), tables.size() + 1);
        QString problem;
        const QList<QStringList> about = ExportReader::csv(ExportReader::readFile(files.first()), &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(files.first().endsWith(artifact + u"-about.csv"_s));
        QString facts;
        for (const QStringList &row : about)
            facts += row.join(u": "_s) + u'\n';
        checkStamp(facts);
        bool found = expected.table.isEmpty();
        for (int n = 0; n < tables.size(); ++n) {
            const DocTable &table = tables.at(n);
            const QString path = files.at(n + 1);
            QVERIFY2(path.endsWith(artifact + u'-' + table.id + u".csv"_s),
                qPrintable(path + u" for "_s + table.id));
            const QByteArray bytes = ExportReader::readFile(path);
            QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // UTF-8 byte order mark
            checkNoSecret(QString::fromUtf8(bytes));
            const QList<QStringList> rows = ExportReader::csv(bytes, &problem);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QCOMPARE(rows.value(0), table.header);
            QCOMPARE(rows.mid(1), table.rows);
            if (table.caption == expected.table) {
                QCOMPARE(rows.value(expected.row + 1), expected.cells);
                found = true;
            }
        }
        QVERIFY2(found, qPrintable(expected.table));
    }

    void xlsx_data() { addExpectations(); }
    void xlsx()
    {
        QFETCH(QString, artifact);
        const Expectation expected = expectationFor(artifact);
        const ArtifactDocument document = m_documents.value(artifact);
        const QList<DocTable> tables = document.tables();
        QStringList order;
        QString problem;
        const QMap<QString, QList<QStringList>> sheets
            = ExportReader::xlsx(file(artifact, ArtifactFormat::Xlsx), &order, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(order.size(), tables.size() + 1);
        QCOMPARE(order.first(), u"About"_s);
        QString facts;
        for (const QStringList &row : sheets.value(u"About"_s))
            facts += row.join(u": "_s) + u'\n';
        checkStamp(facts);
        QVERIFY(facts.contains(document.title()));
        bool found = expected.table.isEmpty();
        QStringList taken{u"About"_s};
        for (int n = 0; n < tables.size(); ++n) {
            const DocTable &table = tables.at(n);
            const QString sheet = order.at(n + 1);
            QVERIFY(sheet.size() <= 31);
            QCOMPARE(sheet, XlsxRenderer::sheetName(table.caption, taken));
            taken.append(sheet);
            const QList<QStringList> rows = sheets.value(sheet);
            QCOMPARE(rows.value(0), table.header);
            QCOMPARE(rows.size(), table.rows.size() + 1);
            for (int row = 0; row < table.rows.size(); ++row) {
                QStringList cells = rows.at(row + 1);
                while (cells.size() < table.header.size())
                    cells.append(QString()); // trailing empty cells are not written
                QCOMPARE(cells, table.rows.at(row));
            }
            if (table.caption == expected.table)
                found = true;
        }
        QVERIFY2(found, qPrintable(expected.table));
        for (const QList<QStringList> &rows : sheets) {
            for (const QStringList &row : rows)
                checkNoSecret(row.join(u' '));
        }
    }

    // A table longer than a page repeats its header row on every page it spans.
    void pdfTableHeaderRepeats()
    {
        ArtifactDocument document(u"long"_s, u"Long table"_s, m_context->stamp());
        QList<QStringList> rows;
        for (int n = 1; n <= 160; ++n)
            rows.append({QString::number(n), u"row %1"_s.arg(n), u"São Paulo"_s});
        document.addTable(u"Many rows"_s, {u"Number"_s, u"Label"_s, u"City"_s}, rows);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(PdfRenderer::render(document, &buffer).ok());
        buffer.close();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"long.pdf"_s);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(buffer.data());
        out.close();
        const int pages = ExportReader::pdfPages(path);
        QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
        for (int page = 1; page <= pages; ++page) {
            const QString text = ExportReader::pdfText(path, page);
            QVERIFY2(
                text.contains(u"Number"_s) && text.contains(u"Label"_s), qPrintable(u"page %1"_s.arg(page)));
            QVERIFY(text.contains(u"page %1 of %2"_s.arg(page).arg(pages)));
        }
        QVERIFY(ExportReader::pdfText(path, pages).contains(u"row 160"_s));
    }

    // The report's table of contents gives each chapter's page: checked for the timeline, whose
    // figure caption names the page it is really on.
    void pdfContentsHasPages()
    {
        const QString path = file(u"journey-report"_s, ArtifactFormat::Pdf);
        const QString contents = ExportReader::pdfText(path, 2, true);
        QVERIFY2(contents.contains(u"Contents"_s), qPrintable(contents));
        const QRegularExpressionMatch entry
            = QRegularExpression(u"^\\s*3\\s+Timeline\\s+(\\d+)\\s*$"_s, QRegularExpression::MultilineOption)
                  .match(contents);
        QVERIFY2(entry.hasMatch(), qPrintable(contents));
        const int listed = entry.captured(1).toInt();
        QVERIFY2(ExportReader::pdfText(path, listed).contains(u"Timeline on 2026-11-28"_s),
            qPrintable(QString::number(listed)));
        QVERIFY(!ExportReader::pdfText(path, listed - 1).contains(u"Timeline on 2026-11-28"_s));
    }
};

} // namespace jb

QTEST_MAIN(jb::TestArtifactExport)
#include "tst_artifactexport.moc"
