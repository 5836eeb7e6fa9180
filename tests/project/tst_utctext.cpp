// utcText: the evidence's timestamps, made without Qt's general date formatter, must be exactly
// the text Qt's ISO format gives, for any instant and whatever time zone it was taken in.
#include "core/utctext.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class TestUtcText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesQt_data()
    {
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<QString>("expected");
        const QTimeZone saoPaulo("America/Sao_Paulo");
        QTest::addRow("a run") << QDateTime(QDate(2026, 12, 6), QTime(5, 34, 4, 86), Qt::UTC)
                               << u"2026-12-06T05:34:04.086Z"_s;
        QTest::addRow("the epoch") << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC)
                                   << u"1970-01-01T00:00:00.000Z"_s;
        QTest::addRow("before the epoch") << QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999), Qt::UTC)
                                          << u"1969-12-31T23:59:59.999Z"_s;
        QTest::addRow("leap day") << QDateTime(QDate(2028, 2, 29), QTime(12, 0), Qt::UTC)
                                  << u"2028-02-29T12:00:00.000Z"_s;
        QTest::addRow("end of a year") << QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59, 999), Qt::UTC)
                                       << u"2026-12-31T23:59:59.999Z"_s;
        QTest::addRow("taken in Sao Paulo")
            << QDateTime(QDate(2026, 12, 6), QTime(2, 34, 4, 86), saoPaulo) << u"2026-12-06T05:34:04.086Z"_s;
        QTest::addRow("an offset from UTC") << QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::OffsetFromUTC,
            5 * 3600 + 1800) << u"2026-05-31T18:30:00.000Z"_s;
        QTest::addRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC)
                                << u"0001-01-01T00:00:00.000Z"_s;
        QTest::addRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC)
                                   << u"9999-12-31T23:59:59.999Z"_s;
        // beyond four digits Qt's own formatter answers
        const QDateTime far(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
        QTest::addRow("year 10000") << far << far.toString(Qt::ISODateWithMs);
        QTest::addRow("invalid") << QDateTime() << QString();
    }
    void matchesQt()
    {
        QFETCH(QDateTime, at);
        QFETCH(QString, expected);
        QCOMPARE(jb::utcText(at), expected);
        QCOMPARE(jb::utcText(at), at.toUTC().toString(Qt::ISODateWithMs));
    }

    // A spread of instants across centuries, every one as Qt writes it.
    void sweepOfInstants()
    {
        // about 35 days and an odd remainder: every hour, minute and millisecond turn up
        const qint64 step = 3'000'123'457;
        int checked = 0;
        for (qint64 ms = -2'208'988'800'000LL; ms < 4'102'444'800'000LL; ms += step) {
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            QCOMPARE(jb::utcText(at), at.toString(Qt::ISODateWithMs));
            ++checked;
        }
        QVERIFY(checked > 1000);
    }
};

QTEST_APPLESS_MAIN(TestUtcText)
#include "tst_utctext.moc"
