// Every page of the sample, in the light and in the dark palette, rendered in a 1440x900 window:
// the text drawn on it keeps a readable contrast (WCAG AA, 4.5:1) with what it is drawn on.
// - labels: their palette's text colour, and every colour their rich text names, against the
//   pixels actually behind them in the rendered window;
// - item views (tables, trees, lists, the navigator, the flow's cards): in every visible cell, the
//   strongest ink drawn against the cell's background, both read from the rendered pixels, so a
//   model's fixed status colour on a dark base fails here;
// - rich documents (the artifact previews, the documentation): each run of text, in its own colour
//   or the palette's, against its cell's, frame's or the page's background;
// - diagrams (the timeline, sequence diagrams): every tone's text on its fill and on the page, and
//   the page itself follows the palette;
// - the palettes themselves: each text role on its background role.
#include "mainwindow.h"
#include "navigatormodel.h"
#include "phasepage.h"
#include "projectsession.h"
#include "screeninks.h"
#include "testfolder.h"
#include "theme.h"
#include "themecolors.h"

#include <QAbstractItemView>
#include <QHash>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextTable>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::test;

namespace {

constexpr double minimumContrast = 4.5;

// The colour most pixels of `image` have: the background text is drawn on.
QColor dominant(const QImage &image)
{
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y) | 0xff000000u];
    }
    QRgb best = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            best = it.key();
            most = it.value();
        }
    }
    return QColor::fromRgb(best);
}

// The pixel of `image` that stands out most from `background`: the core of the text's strokes.
double strongestInk(const QImage &image, const QColor &background)
{
    double strongest = 1.0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            strongest
                = std::max(strongest, ThemeColors::contrast(QColor::fromRgb(image.pixel(x, y)), background));
    }
    return strongest;
}

// Whether some pixel of `image` is (nearly) `color`: the core of a stroke drawn in it.
bool drawsIn(const QImage &image, const QColor &color)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor seen = QColor::fromRgb(image.pixel(x, y));
            if (std::abs(seen.red() - color.red()) + std::abs(seen.green() - color.green())
                    + std::abs(seen.blue() - color.blue())
                < 24)
                return true;
        }
    }
    return false;
}

QString describe(const QWidget *widget)
{
    const QString name = widget->objectName().isEmpty() ? QString() : u" \""_s + widget->objectName() + u'"';
    return QString::fromLatin1(widget->metaObject()->className()) + name;
}

QString ratio(double value)
{
    return QString::number(value, 'f', 2);
}

// What one rendering of the window shows, with the problems found in it.
class ContrastCheck
{
public:
    ContrastCheck(QWidget *window, QString where)
        : m_window(window)
        , m_where(std::move(where))
        , m_image(window->grab().toImage().convertToFormat(QImage::Format_RGB32))
    {
        // grab() renders at the device pixel ratio; the test's screen has 1
        m_image.setDevicePixelRatio(1);
    }

    QStringList problems() const { return m_problems; }

    void labels()
    {
        static const QRegularExpression named(u"color\\s*:\\s*(#[0-9a-fA-F]{6})"_s);
        for (const QLabel *label : m_window->findChildren<QLabel *>()) {
            if (!shown(label) || label->text().trimmed().isEmpty() || !label->isEnabled())
                continue;
            const QColor behind = dominant(pixels(label, label->rect()));
            check(describe(label) + u" '"_s + label->text().left(40) + u'\'',
                label->palette().color(label->foregroundRole()), behind);
            if (!Qt::mightBeRichText(label->text()))
                continue;
            for (const auto &match : named.globalMatch(label->text()))
                check(describe(label) + u" span "_s + match.captured(1), QColor(match.captured(1)), behind);
            if (label->text().contains(u"<a "_s)) {
                const QColor link = label->palette().color(QPalette::Link);
                check(describe(label) + u" link"_s, link, behind);
                // and the link is drawn in it (a label parsed under another palette keeps that one's)
                if (!drawsIn(pixels(label, label->rect()), link))
                    m_problems.append(
                        m_where + u": "_s + describe(label) + u" draws no link in "_s + link.name());
            }
        }
    }

    void itemViews()
    {
        for (const QAbstractItemView *view : m_window->findChildren<QAbstractItemView *>()) {
            if (!shown(view) || !view->model())
                continue;
            const QWidget *viewport = view->viewport();
            int cells = 0;
            for (const QModelIndex &index : visibleIndexes(view)) {
                if (view->selectionModel() && view->selectionModel()->isSelected(index))
                    continue;
                const QString text = index.data(Qt::DisplayRole).toString();
                if (text.trimmed().isEmpty() || ++cells > 60)
                    continue;
                if (const auto *table = qobject_cast<const QTableView *>(view);
                    table && (table->isColumnHidden(index.column()) || table->isRowHidden(index.row())))
                    continue;
                const QRect whole = view->visualRect(index);
                const QRect cell = whole.intersected(viewport->visibleRegion().boundingRect());
                // a row cut by the viewport's edge shows a sliver of its text, or none
                if (cell.width() < 6 || cell.height() < whole.height())
                    continue;
                const QImage image = pixels(viewport, cell);
                const QColor behind = dominant(image);
                const double seen = strongestInk(image, behind);
                if (seen < minimumContrast) {
                    if (qEnvironmentVariableIsSet("JB_CONTRAST_CROPS"))
                        image.save(u"/tmp/crop-%1.png"_s.arg(m_problems.size()));
                    m_problems.append(m_where + u": "_s + describe(view) + u" cell '"_s + text.left(40)
                        + u"' has text at "_s + ratio(seen) + u":1 on "_s + behind.name());
                }
            }
        }
    }

    void documents()
    {
        for (const QTextEdit *edit : m_window->findChildren<QTextEdit *>()) {
            if (!shown(edit))
                continue;
            const QTextDocument *document = edit->document();
            const QPalette palette = edit->viewport()->palette();
            const QColor page = palette.color(edit->viewport()->backgroundRole());
            for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
                const QColor blockBehind = background(document, block, page);
                for (auto it = block.begin(); !it.atEnd(); ++it) {
                    const QTextFragment fragment = it.fragment();
                    if (!fragment.isValid() || fragment.text().trimmed().isEmpty())
                        continue;
                    const QTextCharFormat format = fragment.charFormat();
                    QColor ink = format.foreground().style() != Qt::NoBrush ? format.foreground().color()
                        : format.isAnchor()                                 ? palette.color(QPalette::Link)
                                                                            : palette.color(QPalette::Text);
                    const QColor behind = format.background().style() != Qt::NoBrush
                        ? format.background().color()
                        : blockBehind;
                    check(describe(edit) + u" text '"_s + fragment.text().left(40) + u'\'', ink, behind);
                }
            }
        }
    }

private:
    bool shown(const QWidget *widget) const
    {
        return widget->isVisibleTo(m_window) && widget->isVisible() && !widget->visibleRegion().isEmpty();
    }

    // The pixels of `widget`'s `rect` in the rendered window.
    QImage pixels(const QWidget *widget, const QRect &rect) const
    {
        const QRect inWindow
            = QRect(widget->mapTo(m_window, rect.topLeft()), rect.size()).intersected(m_image.rect());
        return m_image.copy(inWindow);
    }

    static QList<QModelIndex> visibleIndexes(const QAbstractItemView *view)
    {
        QList<QModelIndex> indexes;
        const QRect area = view->viewport()->rect();
        // walk the top-level rows and their children (a tree's expanded ones answer visualRect)
        QList<QModelIndex> parents{QModelIndex()};
        while (!parents.isEmpty() && indexes.size() < 400) {
            const QModelIndex parent = parents.takeFirst();
            const QAbstractItemModel *model = view->model();
            for (int row = 0; row < model->rowCount(parent) && row < 80; ++row) {
                for (int column = 0; column < model->columnCount(parent); ++column) {
                    const QModelIndex index = model->index(row, column, parent);
                    if (view->visualRect(index).intersects(area))
                        indexes.append(index);
                    if (column == 0 && model->hasChildren(index))
                        parents.append(index);
                }
            }
        }
        return indexes;
    }

    // Behind a block: its own background, else the table cell's it sits in, else the page's.
    static QColor background(const QTextDocument *document, const QTextBlock &block, const QColor &page)
    {
        if (block.blockFormat().background().style() != Qt::NoBrush)
            return block.blockFormat().background().color();
        QTextCursor cursor(const_cast<QTextDocument *>(document));
        cursor.setPosition(block.position());
        if (const QTextTable *table = cursor.currentTable()) {
            const QTextTableCell cell = table->cellAt(cursor);
            if (cell.isValid() && cell.format().background().style() != Qt::NoBrush)
                return cell.format().background().color();
        }
        if (const QTextFrame *frame = cursor.currentFrame();
            frame && frame->frameFormat().background().style() != Qt::NoBrush)
            return frame->frameFormat().background().color();
        return page;
    }

    void check(const QString &what, const QColor &ink, const QColor &behind)
    {
        const double seen = ThemeColors::contrast(ink, behind);
        if (seen < minimumContrast) {
            m_problems.append(m_where + u": "_s + what + u" is "_s + ink.name() + u" on "_s + behind.name()
                + u" ("_s + ratio(seen) + u":1)"_s);
        }
    }

    QWidget *m_window;
    QString m_where;
    QImage m_image;
    QStringList m_problems;
};

} // namespace

class TestThemeContrast final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void paletteRoles_data();
    void paletteRoles();
    void diagramInks_data();
    void diagramInks();
    void everyPage_data();
    void everyPage();

private:
    QTemporaryDir m_temp;
    std::unique_ptr<MainWindow> m_window;
    Theme m_theme;
};

void TestThemeContrast::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"JourneyBenchTests"_s);
    QCoreApplication::setApplicationName(u"tst_themecontrast"_s);
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QVERIFY(m_temp.isValid());
    const QString folder = m_temp.filePath(u"project"_s);
    QVERIFY(copyFolder(QStringLiteral(JB_SAMPLE_DIR), folder));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->openProject(folder);
    QTRY_COMPARE(opened.size(), 1);
}

void TestThemeContrast::cleanupTestCase()
{
    m_window.reset();
}

void TestThemeContrast::paletteRoles_data()
{
    QTest::addColumn<int>("mode");
    QTest::addRow("light") << int(Theme::Mode::Light);
    QTest::addRow("dark") << int(Theme::Mode::Dark);
}

void TestThemeContrast::paletteRoles()
{
    QFETCH(int, mode);
    m_theme.apply(Theme::Mode(mode));
    const QPalette palette = QApplication::palette();
    const QList<std::pair<QPalette::ColorRole, QPalette::ColorRole>> pairs{
        {QPalette::WindowText, QPalette::Window},
        {QPalette::Text, QPalette::Base},
        {QPalette::Text, QPalette::AlternateBase},
        {QPalette::ButtonText, QPalette::Button},
        {QPalette::HighlightedText, QPalette::Highlight},
        {QPalette::Link, QPalette::Base},
        {QPalette::Link, QPalette::Window},
        {QPalette::ToolTipText, QPalette::ToolTipBase},
        {QPalette::PlaceholderText, QPalette::Base},
    };
    QStringList problems;
    for (const auto &[text, behind] : pairs) {
        const double seen = ThemeColors::contrast(palette.color(text), palette.color(behind));
        if (seen < minimumContrast)
            problems.append(u"role %1 on %2: %3:1"_s.arg(int(text)).arg(int(behind)).arg(ratio(seen)));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestThemeContrast::diagramInks_data()
{
    paletteRoles_data();
}

void TestThemeContrast::diagramInks()
{
    QFETCH(int, mode);
    m_theme.apply(Theme::Mode(mode));
    const QPalette palette = QApplication::palette();
    const DiagramInks inks = ScreenInks::forPalette(palette);
    // the page follows the palette (a dark theme draws no white chart), the print inks do not
    QCOMPARE(ThemeColors::isDark(palette), ThemeColors::luminance(inks.background()) < 0.2);
    QCOMPARE(DiagramInks::print().background(), QColor(Qt::white));
    QStringList problems;
    for (int i = 0; i < DiagramInks::toneCount; ++i) {
        const auto tone = DiagramItem::Tone(i);
        // a bar's white label sits on the bar only; every other tone's text may land on the page too
        const bool onBarOnly = tone == DiagramItem::Tone::Actual || tone == DiagramItem::Tone::Late;
        QList<QColor> behinds{inks.fill(tone)};
        if (!onBarOnly)
            behinds.append(inks.background());
        for (const QColor &behind : behinds) {
            const double seen = ThemeColors::contrast(inks.text(tone), behind);
            if (seen < minimumContrast) {
                problems.append(u"tone %1: text %2 on %3 (%4:1)"_s.arg(i).arg(
                    inks.text(tone).name(), behind.name(), ratio(seen)));
            }
        }
        if (ThemeColors::contrast(inks.stroke(tone), inks.background()) < 1.2)
            problems.append(
                u"tone %1: its stroke %2 vanishes on the page"_s.arg(i).arg(inks.stroke(tone).name()));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestThemeContrast::everyPage_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("row");
    // light again after dark: what was coloured once, for the first palette, must follow the next
    for (const auto &[mode, name] : {std::pair{Theme::Mode::Light, "light"},
             std::pair{Theme::Mode::Dark, "dark"}, std::pair{Theme::Mode::Light, "light again"}}) {
        for (int row = 0; row <= NavigatorModel::timelineRow + 2; ++row)
            QTest::addRow("%s, page %d", name, row + 1) << int(mode) << row;
    }
}

void TestThemeContrast::everyPage()
{
    QFETCH(int, mode);
    QFETCH(int, row);
    QVERIFY(row < m_window->navigator()->rowCount());
    m_theme.apply(Theme::Mode(mode));
    m_window->showPage(row);
    QWidget *page = m_window.get();
    QStringList problems;
    int looks = 0;
    // every tab of every tab widget on the page, one at a time
    QList<QTabWidget *> tabs;
    for (QTabWidget *tab : page->findChildren<QTabWidget *>()) {
        if (tab->isVisible())
            tabs.append(tab);
    }
    const auto look = [&](const QString &where) {
        QTest::qWait(20);
        ContrastCheck check(m_window.get(), where);
        check.labels();
        check.itemViews();
        check.documents();
        problems += check.problems();
        ++looks;
    };
    look(u"page %1"_s.arg(row + 1));
    for (QTabWidget *tab : tabs) {
        const int was = tab->currentIndex();
        for (int index = 0; index < tab->count(); ++index) {
            if (index == was || !tab->isVisible())
                continue;
            tab->setCurrentIndex(index);
            look(u"page %1, tab '%2'"_s.arg(row + 1).arg(tab->tabText(index)));
        }
        tab->setCurrentIndex(was);
    }
    QVERIFY(looks >= 1);
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_MAIN(TestThemeContrast)
#include "tst_themecontrast.moc"
