// The document model without rendering: versions, the timeline, probe evidence in the firewall
// request and the VPN document, De-Para tables from MappingTable values, secrets kept out, and the
// Markdown and CSV escaping rules.

#include "artifactcatalog.h"
#include "artifacttestdata.h"
#include "csvrenderer.h"
#include "deparadocument.h"
#include "evidencestore.h"
#include "firewallrequestdocument.h"
#include "journeytimeline.h"
#include "markdownrenderer.h"
#include "projectversion.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const DocTable *findTable(const QList<DocTable> &tables, const QString &caption)
{
    for (const DocTable &table : tables) {
        if (table.caption == caption)
            return &table;
    }
    return nullptr;
}

ProbeResult probeResult(const QString &id, const QString &target, ProbeStatus status, const QDateTime &at,
    const QString &state = {})
{
    ProbeResult result;
    result.probeId = id;
    result.target = target;
    result.status = status;
    result.summary = u"test"_s;
    result.timestamp = at;
    if (!state.isEmpty())
        result.facts.insert(u"state"_s, state);
    return result;
}

} // namespace

class TestArtifactModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionIsStableAndFollowsEdits()
    {
        const ProjectData sample = test::sampleProject();
        QVERIFY(!sample.entities.isEmpty());
        const QString version = ProjectVersion::of(sample);
        QCOMPARE(version.size(), 12);
        QVERIFY(QRegularExpression(u"^[0-9a-f]{12}$"_s).match(version).hasMatch());

        ProjectData reordered = sample;
        std::reverse(reordered.entities.begin(), reordered.entities.end());
        QCOMPARE(ProjectVersion::of(reordered), version);

        ProjectData edited = sample;
        edited.entities.first().data.insert(u"name"_s, u"Renamed"_s);
        QVERIFY(ProjectVersion::of(edited) != version);
        ProjectData manifest = sample;
        manifest.manifest.insert(u"owner"_s, u"Someone else"_s);
        QVERIFY(ProjectVersion::of(manifest) != version);
    }

    void stamp_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("label");
        QTest::addRow("every environment") << QString() << u"All environments"_s;
        QTest::addRow("test") << u"test"_s << u"Test (test)"_s;
        QTest::addRow("prod") << u"prod"_s << u"Production (prod)"_s;
    }
    void stamp()
    {
        QFETCH(QString, environment);
        QFETCH(QString, label);
        const ArtifactContext context(test::sampleInput(environment));
        const ArtifactStamp &stamp = context.stamp();
        QCOMPARE(stamp.project, u"Acme Varejo — integration journey"_s);
        QCOMPARE(stamp.owner, u"Marina Costa"_s);
        QCOMPARE(stamp.environment, label);
        QCOMPARE(stamp.generatedText(), u"2026-11-28 09:30 UTC"_s);
        QCOMPARE(stamp.version, ProjectVersion::of(test::sampleProject()));
        QVERIFY(stamp.line().contains(label));
    }

    void timelineStates_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("late");
        // on 2026-11-28
        QTest::addRow("connection: planned end 10-24 passed, unfinished")
            << u"connection"_s << u"Late"_s << true;
        QTest::addRow("systems: finished 11-10 after 11-07") << u"systems"_s << u"Finished late"_s << true;
        QTest::addRow("contracts: under way, ends 12-05") << u"contracts"_s << u"Under way"_s << false;
        QTest::addRow("pipes: planned, not started") << u"pipes"_s << u"Planned"_s << false;
        QTest::addRow("deploy: planned") << u"deploy"_s << u"Planned"_s << false;
    }
    void timelineStates()
    {
        QFETCH(QString, phase);
        QFETCH(QString, state);
        QFETCH(bool, late);
        const JourneyTimeline timeline = JourneyTimeline::fromManifest(test::sampleProject().manifest);
        QCOMPARE(timeline.phases().size(), 10);
        const TimelinePhase *entry = timeline.phase(phase);
        QVERIFY(entry);
        const QDate today(2026, 11, 28);
        QCOMPARE(TimelinePhase::stateLabel(entry->state(today)), state);
        QCOMPARE(entry->isLate(today), late);
        QVERIFY(!entry->owner.isEmpty());
    }

    void timelineEdit()
    {
        const QJsonObject manifest = test::sampleProject().manifest;
        const QJsonObject moved = JourneyTimeline::withBar(
            manifest, u"servers"_s, JourneyTimeline::Bar::Planned, QDate(2026, 10, 19), QDate(2026, 11, 7));
        const QJsonObject servers = moved.value(u"timeline"_s).toObject().value(u"servers"_s).toObject();
        QCOMPARE(servers.value(u"plannedStart"_s).toString(), u"2026-10-19"_s);
        QCOMPARE(servers.value(u"plannedEnd"_s).toString(), u"2026-11-07"_s);
        QCOMPARE(servers.value(u"owner"_s).toString(), u"Marina Costa"_s); // the rest is kept
        QCOMPARE(servers.value(u"actualStart"_s).toString(), u"2026-10-14"_s);
        const QJsonObject cleared
            = JourneyTimeline::withBar(moved, u"servers"_s, JourneyTimeline::Bar::Actual, {}, {});
        QVERIFY(!cleared.value(u"timeline"_s)
                     .toObject()
                     .value(u"servers"_s)
                     .toObject()
                     .contains(u"actualStart"_s));
        // another phase is untouched
        QCOMPARE(cleared.value(u"timeline"_s).toObject().value(u"systems"_s),
            manifest.value(u"timeline"_s).toObject().value(u"systems"_s));
    }

    void firewallRowsWithoutEvidence()
    {
        const ArtifactContext context(test::sampleInput(u"test"_s));
        const QList<QStringList> rows = FirewallRequestDocument::rows(context);
        // test: erp-app 2 ports, logistics-gw 2, pg-customers 1; one source address
        QCOMPARE(rows.size(), 5);
        for (const QStringList &row : rows) {
            QCOMPARE(row.size(), FirewallRequestDocument::header().size());
            QCOMPARE(row.at(1), u"127.0.0.1/32"_s);
            QCOMPARE(row.last(), u"not tested"_s);
        }
        const ArtifactContext all(test::sampleInput());
        QCOMPARE(FirewallRequestDocument::rows(all).size(), 7); // and prod: erp-app-prod's 2 ports
    }

    void evidenceFeedsStatuses()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        ProbeRun older;
        older.environment = u"test"_s;
        older.startedAt = QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);
        older.finishedAt = older.startedAt.addSecs(5);
        older.results = {probeResult(u"server-erp-app-tcp-8443"_s, u"127.0.0.1:8443"_s, ProbeStatus::Fail,
            older.finishedAt, u"refused"_s)};
        ProbeRun newer = older;
        newer.startedAt = QDateTime(QDate(2026, 11, 27), QTime(16, 45), Qt::UTC);
        newer.finishedAt = newer.startedAt.addSecs(5);
        newer.results = {probeResult(u"server-erp-app-tcp-8443"_s, u"127.0.0.1:8443"_s, ProbeStatus::Pass,
                             newer.finishedAt, u"open"_s),
            probeResult(
                u"vpn-vpn-erp-hosting-vpn"_s, u"127.0.0.1:8443"_s, ProbeStatus::Pass, newer.finishedAt)};
        const EvidenceStore store(folder.path());
        QVERIFY(store.write(older).ok());
        QVERIFY(store.write(newer).ok());

        ProjectData data = test::sampleProject();
        data.folder = folder.path();
        const ArtifactContext context(
            ArtifactInput::gather(data, u"test"_s, test::fixedTime(), test::secretEnvironment()));
        const QList<QStringList> rows = FirewallRequestDocument::rows(context);
        QStringList statuses;
        for (const QStringList &row : rows)
            statuses.append(row.at(3) + u' ' + row.last());
        QVERIFY2(
            statuses.contains(u"8443 open on 2026-11-27 16:45 UTC"_s), qPrintable(statuses.join(u" | "_s)));
        QVERIFY(statuses.contains(u"2222 not tested"_s));

        const Result<ArtifactDocument> vpn = ArtifactCatalog::build(u"vpn"_s, context);
        QVERIFY(vpn.ok());
        QVERIFY2(vpn.value().plainText().contains(u"Tunnel probe: passed on 2026-11-27 16:45 UTC"_s),
            qPrintable(vpn.value().plainText()));
    }

    void deParaWithoutMappings()
    {
        // the documents' own gathering: no mapping engine, so no tables
        const ArtifactContext context(
            ArtifactInput::gather(test::sampleProject(), {}, test::fixedTime(), test::secretEnvironment()));
        const Result<ArtifactDocument> document = ArtifactCatalog::build(u"de-para"_s, context);
        QVERIFY(document.ok());
        QVERIFY(document.value().tables().isEmpty());
        QVERIFY(document.value().plainText().contains(u"No De-Para mapping exists yet"_s));
    }

    void deParaFromMappingTables()
    {
        ArtifactInput input
            = ArtifactInput::gather(test::sampleProject(), {}, test::fixedTime(), test::secretEnvironment());
        MappingTable mapping;
        mapping.id = u"customer-sync"_s;
        mapping.name = u"Customer sync"_s;
        mapping.sourceSystem = u"customer-db"_s;
        mapping.targetSystem = u"customer-portal"_s;
        mapping.rows = {{u"customername"_s, u"string"_s, u"trim, title case"_s, u"name"_s, u"string"_s, true,
                            u"  maria aparecida da silva "_s, u"Maria Aparecida da Silva"_s},
            {u"customeremail"_s, u"string"_s, u"lower case"_s, u"email"_s, u"string"_s, false,
                u"Maria.Silva@Example.com"_s, u"maria.silva@example.com"_s}};
        mapping.gaps = {u"phone (required) has no source"_s};
        // the JSON form issue 5 is expected to save round-trips
        const MappingTable copy = MappingTable::fromJson(mapping.toJson());
        QCOMPARE(copy.toJson(), mapping.toJson());
        input.mappings = {copy};
        const ArtifactContext context(input);
        const ArtifactDocument document = DeParaDocument::build(context);
        const QList<DocTable> tables = document.tables();
        QCOMPARE(tables.size(), 2);
        QCOMPARE(document.plainText().count(u"System B (consumer): Customer portal (PORTAL)"_s), 1);
        QCOMPARE(tables.at(0).header, DeParaDocument::header());
        QCOMPARE(tables.at(0).rows.size(), 2);
        QCOMPARE(tables.at(0).rows.at(0),
            (QStringList{u"customername"_s, u"string"_s, u"trim, title case"_s, u"name"_s, u"string"_s,
                u"yes"_s, u"  maria aparecida da silva "_s, u"Maria Aparecida da Silva"_s}));
        QCOMPARE(tables.at(1).rows, (QList<QStringList>{{u"phone (required) has no source"_s}}));
        QCOMPARE(document.headings().first().text, u"Customer sync"_s);
    }

    // Whatever a project file holds, a secret value from the environment never reaches a document.
    void secretsAreRedacted()
    {
        ProjectData data = test::sampleProject();
        for (EntityRecord &record : data.entities) {
            if (record.kind != u"environment" || record.id() != u"test")
                continue;
            QJsonArray variables = record.data.value(u"variables"_s).toArray();
            variables.append(QJsonObject{{u"name"_s, u"leaked"_s}, {u"value"_s, test::secretValues().at(0)}});
            record.data.insert(u"variables"_s, variables);
        }
        const ArtifactContext context(
            ArtifactInput::gather(data, {}, test::fixedTime(), test::secretEnvironment()));
        QCOMPARE(context.input().secretValues.size(), 2);
        for (const QString &name : ArtifactCatalog::names()) {
            const Result<ArtifactDocument> document = ArtifactCatalog::build(name, context);
            QVERIFY(document.ok());
            const QString text = document.value().plainText();
            for (const QString &secret : test::secretValues())
                QVERIFY2(!text.contains(secret), qPrintable(name));
            if (name == u"journey-report")
                QVERIFY(text.contains(u"leaked | "_s + ArtifactDocument::redactedMark()));
        }
    }

    void unknownArtifact()
    {
        const ArtifactContext context(test::sampleInput());
        const Result<ArtifactDocument> document = ArtifactCatalog::build(u"nope"_s, context);
        QVERIFY(!document.ok());
        QVERIFY(document.errorString().contains(u"journey-report"_s));
    }

    void everyTableIsRectangular()
    {
        const ArtifactContext context(test::sampleInput());
        for (const QString &name : ArtifactCatalog::names()) {
            const Result<ArtifactDocument> document = ArtifactCatalog::build(name, context);
            QVERIFY(document.ok());
            QStringList ids;
            for (const DocTable &table : document.value().tables()) {
                QVERIFY2(!ids.contains(table.id), qPrintable(name + u": "_s + table.id));
                ids.append(table.id);
                for (const QStringList &row : table.rows)
                    QCOMPARE(row.size(), table.header.size());
            }
        }
        const Result<ArtifactDocument> report = ArtifactCatalog::build(u"journey-report"_s, context);
        QVERIFY(findTable(report.value().tables(), u"Sign-offs"_s));
        QVERIFY(findTable(report.value().tables(), u"Timeline"_s));
        QCOMPARE(report.value().figures().size(), 5); // the timeline and four sequence diagrams
    }

    void markdownEscape_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("inTable");
        QTest::addColumn<QString>("expected");
        QTest::addRow("pipe in a cell") << u"a|b"_s << true << u"a\\|b"_s;
        QTest::addRow("pipe in text") << u"a|b"_s << false << u"a|b"_s;
        QTest::addRow("emphasis") << u"*x* _y_"_s << false << u"\\*x\\* \\_y\\_"_s;
        QTest::addRow("angle brackets") << u"<email>"_s << true << u"&lt;email&gt;"_s;
        QTest::addRow("line break in a cell") << u"a\nb"_s << true << u"a<br>b"_s;
        QTest::addRow("leading hash") << u"# not a heading"_s << false << u"\\# not a heading"_s;
        QTest::addRow("accents") << u"não é São Paulo"_s << true << u"não é São Paulo"_s;
    }
    void markdownEscape()
    {
        QFETCH(QString, text);
        QFETCH(bool, inTable);
        QFETCH(QString, expected);
        QCOMPARE(MarkdownRenderer::escape(text, inTable), expected);
    }

    void csvField_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("plain") << u"São Paulo"_s << u"São Paulo"_s;
        QTest::addRow("comma") << u"a, b"_s << u"\"a, b\""_s;
        QTest::addRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
        QTest::addRow("line break") << u"a\nb"_s << u"\"a\nb\""_s;
        QTest::addRow("empty") << QString() << QString();
    }
    void csvField()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(CsvRenderer::field(text), expected);
    }
};

} // namespace jb

QTEST_APPLESS_MAIN(jb::TestArtifactModel)
#include "tst_artifactmodel.moc"
