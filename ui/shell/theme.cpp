#include "theme.h"

#include "readableitemstyle.h"

#include <QApplication>
#include <QLabel>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace jb {

Theme::Theme()
    : m_systemStyle(QApplication::style() ? QApplication::style()->name() : QString())
    , m_systemPalette(QApplication::palette())
{ }

void Theme::apply(Mode mode)
{
    if (m_applied && mode == m_mode)
        return; // already in place
    m_applied = true;
    m_mode = mode;
    switch (mode) {
    case Mode::System:
        if (!m_systemStyle.isEmpty())
            QApplication::setStyle(new ReadableItemStyle(QStyleFactory::create(m_systemStyle)));
        QApplication::setPalette(m_systemPalette);
        break;
    case Mode::Light:
        QApplication::setStyle(new ReadableItemStyle(QStyleFactory::create(u"Fusion"_s)));
        QApplication::setPalette(lightPalette());
        break;
    case Mode::Dark:
        QApplication::setStyle(new ReadableItemStyle(QStyleFactory::create(u"Fusion"_s)));
        QApplication::setPalette(darkPalette());
        break;
    }
    recolourLinks();
}

void Theme::recolourLinks()
{
    // a rich-text label takes its links' colour from the palette when its text is parsed, not
    // when it paints: parse again what was parsed under the previous palette
    for (QWidget *widget : QApplication::allWidgets()) {
        auto *label = qobject_cast<QLabel *>(widget);
        if (!label || label->textFormat() == Qt::PlainText || !label->text().contains(u"<a "_s))
            continue;
        const QString text = label->text();
        label->clear(); // setText() ignores the text it already has
        label->setText(text);
    }
}

QString Theme::key(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return u"light"_s;
    case Mode::Dark:
        return u"dark"_s;
    default:
        return u"system"_s;
    }
}

Theme::Mode Theme::fromKey(const QString &key)
{
    if (key == u"light")
        return Mode::Light;
    if (key == u"dark")
        return Mode::Dark;
    return Mode::System;
}

QPalette Theme::lightPalette()
{
    // Fusion's own, with the two roles it leaves below 4.5:1: the placeholder (half-transparent
    // black, used for subtitles and notes too) and the selection (white on a light blue)
    QPalette palette = QApplication::style()->standardPalette();
    palette.setColor(QPalette::PlaceholderText, QColor(0x5c, 0x5f, 0x66));
    palette.setColor(QPalette::Active, QPalette::Highlight, QColor(0x25, 0x6a, 0xb0));
    palette.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x25, 0x6a, 0xb0));
    return palette;
}

QPalette Theme::darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe4, 0xe6, 0xea);
    const QColor dimmed(0x76, 0x7b, 0x84);
    const QColor button(0x35, 0x38, 0x3d);
    const QColor highlight(0x2f, 0x6f, 0xc4);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x25, 0x27, 0x2b));
    palette.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x95, 0x9b, 0xa4));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, button);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    palette.setColor(QPalette::Midlight, QColor(0x3b, 0x3e, 0x43));
    palette.setColor(QPalette::Mid, QColor(0x24, 0x26, 0x2a));
    palette.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1e));
    palette.setColor(QPalette::Shadow, QColor(0x0e, 0x0e, 0x10));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x5a, 0xa9, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, dimmed);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x48, 0x4e));
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, dimmed);
    palette.setColor(QPalette::Disabled, QPalette::Base, window);
    return palette;
}

} // namespace jb
