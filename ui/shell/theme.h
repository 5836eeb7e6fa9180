#pragma once

#include <QPalette>
#include <QString>

namespace jb {

// The application's look: the platform's own (System), or Fusion with a light or a dark palette.
// Remembers the platform's style and palette when it is made, so System can go back to them. Every
// style is wrapped in ReadableItemStyle, so that cells keep readable text in any palette.
class Theme final
{
public:
    enum class Mode
    {
        System,
        Light,
        Dark
    };

    Theme();

    Mode mode() const { return m_mode; }
    void apply(Mode mode);

    static QString key(Mode mode);
    static Mode fromKey(const QString &key);
    static QPalette lightPalette();
    static QPalette darkPalette();

private:
    static void recolourLinks();

    QString m_systemStyle;
    QPalette m_systemPalette;
    Mode m_mode = Mode::System;
    bool m_applied = false; // the first apply() wraps even the platform's style
};

} // namespace jb
