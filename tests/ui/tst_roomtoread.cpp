// The From-To page of the sample in a 1440x900 window: the rules' fields and transform chains are
// shown whole; a value too long for its cell is cut in the middle and its tooltip has the whole of
// it; and the preview's detail line shows a value the consumer's contract refused in full.
// The offscreen platform's screen is 800x600 and the window keeps within its screen, so main()
// describes a 1440x900 screen (without window frames) before the application starts.
#include "documenteditor.h"
#include "elidedtooltip.h"
#include "mainwindow.h"
#include "mappingpage.h"
#include "mappingpreviewmodel.h"
#include "mappingrulesmodel.h"
#include "phasepage.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "testfolder.h"
#include "transformspec.h"

#include <QApplication>
#include <QHelpEvent>
#include <QJsonArray>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace jb;

class TestRoomToRead final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rulesAreShownWhole_data();
    void rulesAreShownWhole();
    void longValueElidesWithTheWholeInItsTooltip_data();
    void longValueElidesWithTheWholeInItsTooltip();
    void refusedValueShownInFull_data();
    void refusedValueShownInFull();

private:
    MappingPage *fromTo() const { return m_window->findChild<MappingPage *>(); }
    // Sets the example of a field of the provider contract (what the preview maps).
    void setProviderExample(const QString &field, const QString &example);

    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<MainWindow> m_window;
};

void TestRoomToRead::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"JourneyBenchTests"_s);
    QCoreApplication::setApplicationName(u"tst_roomtoread"_s);
}

void TestRoomToRead::init()
{
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // after the fit to the screen that showing schedules, whatever size a past run saved
    QTest::qWait(0);
    m_window->resize(1440, 900);
    QTRY_COMPARE(m_window->size(), QSize(1440, 900));
    const QString folder = m_temp->filePath(u"project"_s);
    QVERIFY(jb::test::copyFolder(QStringLiteral(JB_SAMPLE_DIR), folder));
    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->openProject(folder);
    QTRY_COMPARE(opened.size(), 1);
    m_window->showPage(Phases::number(Phase::Contracts) - 1);
    m_window->phasePage(Phase::Contracts)->showTab(u"From-To"_s);
    QVERIFY(fromTo());
    fromTo()->showMapping(u"customers"_s);
    QTRY_VERIFY(fromTo()->rulesView()->isVisible());
    QTRY_COMPARE(fromTo()->rulesModel()->rowCount(), 5);
    QTRY_VERIFY(fromTo()->previewModel()->rowCount() > 0);
}

void TestRoomToRead::cleanup()
{
    if (m_window) {
        m_window->session()->undoStack()->setClean(); // close without the save question
        m_window->close();
    }
    m_window.reset();
    m_temp.reset();
}

void TestRoomToRead::setProviderExample(const QString &field, const QString &example)
{
    ProjectDocument *document = m_window->session()->document();
    const int row = document->rowOf(u"contract"_s, u"customers-row"_s);
    QVERIFY(row >= 0);
    QJsonArray fields = document->at(u"contract"_s, row).data.value(u"fields"_s).toArray();
    bool found = false;
    for (qsizetype at = 0; at < fields.size(); ++at) {
        QJsonObject object = fields.at(at).toObject();
        if (object.value(u"name"_s).toString() != field)
            continue;
        object.insert(u"example"_s, example);
        fields.replace(at, object);
        found = true;
    }
    QVERIFY2(found, qPrintable(field));
    m_window->session()->editor()->setField(u"contract"_s, row, u"fields"_s, fields);
}

void TestRoomToRead::rulesAreShownWhole_data()
{
    QTest::addColumn<int>("column");
    QTest::addRow("consumer field") << int(MappingRulesModel::TargetColumn);
    QTest::addRow("provider field") << int(MappingRulesModel::SourceColumn);
    QTest::addRow("transform chain") << int(MappingRulesModel::TransformsColumn);
}

void TestRoomToRead::rulesAreShownWhole()
{
    QFETCH(int, column);
    const QTableView *view = fromTo()->rulesView();
    const MappingRulesModel *rules = fromTo()->rulesModel();
    for (int row = 0; row < rules->rowCount(); ++row) {
        const QModelIndex cell = rules->index(row, column);
        QVERIFY2(!cell.data().toString().isEmpty(), qPrintable(rules->targetAt(row)));
        QTRY_VERIFY2(!ElidedToolTip::isElided(view, cell),
            qPrintable(
                u"\"%1\" cut to %2 px"_s.arg(cell.data().toString()).arg(view->visualRect(cell).width())));
    }
}

void TestRoomToRead::longValueElidesWithTheWholeInItsTooltip_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QList<TransformSpec>>("chain");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("whole");
    const QString letters = QString(300, u'x');
    const QList<TransformSpec> longDefault{
        {TransformOp::Trim, {}}, {TransformOp::Default, {{u"value"_s, letters}}}};
    QTest::addRow("a long transform chain")
        << u"address"_s << longDefault << int(MappingRulesModel::TransformsColumn)
        << TransformSpec::chainText(longDefault);
    const QString digits = QString(300, u'7'); // an id the consumer accepts: digits, any length
    QTest::addRow("a long preview value")
        << u"id"_s << QList<TransformSpec>{{TransformOp::Constant, {{u"value"_s, digits}}}}
        << int(MappingRulesModel::PreviewColumn) << digits;
}

void TestRoomToRead::longValueElidesWithTheWholeInItsTooltip()
{
    QFETCH(QString, target);
    QFETCH(QList<TransformSpec>, chain);
    QFETCH(int, column);
    QFETCH(QString, whole);
    QTableView *view = fromTo()->rulesView();
    MappingRulesModel *rules = fromTo()->rulesModel();
    const int row = rules->rowOfTarget(target);
    QVERIFY(row >= 0);
    rules->setTransforms(row, chain);
    const QModelIndex cell = rules->index(rules->rowOfTarget(target), column);
    QTRY_COMPARE(cell.data().toString(), whole); // the preview follows on a worker thread
    QVERIFY(cell.data(Qt::ToolTipRole).toString().isEmpty()); // no tooltip of the model's own
    view->scrollTo(cell);
    QTRY_VERIFY(ElidedToolTip::isElided(view, cell));

    const QRect rect = view->visualRect(cell);
    QVERIFY(view->viewport()->rect().contains(rect.center()));
    QHelpEvent help(QEvent::ToolTip, rect.center(), view->viewport()->mapToGlobal(rect.center()));
    QCoreApplication::sendEvent(view->viewport(), &help);
    QTRY_COMPARE(QToolTip::text(), whole);
    QToolTip::hideText();
}

void TestRoomToRead::refusedValueShownInFull_data()
{
    QTest::addColumn<QString>("source"); // the provider field given a long example
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("refused"); // what the transforms made of it, refused by the consumer
    const QString name = QString(300, u'a');
    QTest::addRow("a name past its 100 characters")
        << u"customername"_s << QString(u"  "_s + name) << u"name"_s << name.toUpper();
    const QString address = u"Rua "_s + QString(296, u'b');
    QTest::addRow("an address past its 200 characters")
        << u"customeraddress"_s << address << u"address"_s << address;
}

void TestRoomToRead::refusedValueShownInFull()
{
    QFETCH(QString, source);
    QFETCH(QString, example);
    QFETCH(QString, target);
    QFETCH(QString, refused);
    setProviderExample(source, example);
    const MappingPreviewModel *preview = fromTo()->previewModel();
    int column = -1;
    for (int section = 1; section < preview->columnCount(); ++section) {
        if (preview->headerData(section, Qt::Horizontal).toString() == target)
            column = section;
    }
    QVERIFY(column > 0);
    QTRY_VERIFY(!preview->index(0, column).data(MappingPreviewModel::ErrorRole).toString().isEmpty());

    QTableView *view = fromTo()->previewView();
    view->setCurrentIndex(preview->index(0, column));
    const QLabel *detail = fromTo()->previewDetail();
    QTRY_VERIFY(detail->isVisible());
    QTRY_VERIFY2(detail->text().contains(refused), qPrintable(detail->text()));
    // the label wraps: every line of it is inside the page, nothing is cut at its edge
    QVERIFY(detail->wordWrap());
    QTRY_VERIFY2(detail->height() >= detail->heightForWidth(detail->width()),
        qPrintable(
            u"%1 px high, needs %2"_s.arg(detail->height()).arg(detail->heightForWidth(detail->width()))));
}

int main(int argc, char *argv[])
{
    QTemporaryDir screens;
    if (!screens.isValid())
        return 1;
    QFile config(screens.filePath(u"screens.json"_s));
    if (!config.open(QIODevice::WriteOnly))
        return 1;
    config.write(R"({"windowFrameMargins": false, "screens": [{"name": "wxga+", "x": 0, "y": 0,
        "width": 1440, "height": 900, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    config.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.fileName().toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setAttribute(Qt::AA_Use96Dpi, true);
    TestRoomToRead test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_roomtoread.moc"
