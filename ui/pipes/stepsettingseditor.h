#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QTableWidget;
class QToolButton;

namespace jb {

// The settings of one card of the flow as key / value rows. Strings are shown as they are, other
// values as compact JSON; an edit keeps a string a string and parses anything else as JSON (text
// that is not JSON becomes a string). Nested steps (a choice's branches, a branch's steps) are
// not shown: they have cards of their own. Emits the whole new object; the page turns it into one
// undoable document edit.
class StepSettingsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepSettingsEditor)

public:
    explicit StepSettingsEditor(QWidget *parent = nullptr);

    // `settings` empty and `title` set: a card with nothing to edit.
    void setSettings(const QString &title, const QJsonObject &settings, bool editable);
    QJsonObject settings() const { return m_settings; }
    QTableWidget *table() const { return m_table; }

    // Sets one key as the user would (the tests use it too).
    void setValue(const QString &key, const QString &text);

    static QString textOf(const QJsonValue &value);
    static QJsonValue valueOf(const QString &text, const QJsonValue &previous);

Q_SIGNALS:
    void settingsEdited(const QJsonObject &settings);

private:
    void fill();
    void onCellChanged(int row, int column);
    void addSetting();
    void removeSetting();

    QLabel *m_title;
    QTableWidget *m_table;
    QToolButton *m_add;
    QToolButton *m_remove;
    QJsonObject m_settings;
    bool m_editable = false;
    bool m_filling = false;
};

} // namespace jb
