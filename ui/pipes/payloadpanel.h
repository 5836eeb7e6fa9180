#pragma once

#include <QJsonValue>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace jb {

class DocumentEditor;

// The payload of a run: a JSON editor and the pipe's saved named payloads. Saved payloads are kept
// in the pipe's own file, under "payloads" ([{"name", "input"}]), so they travel with the project
// in git; saving and deleting are document edits, so they are undoable.
class PayloadPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayloadPanel)

public:
    static constexpr QLatin1StringView payloadsKey{"payloads"};

    explicit PayloadPanel(DocumentEditor *editor, QWidget *parent = nullptr);

    void setPipe(const QString &pipeId);
    QString text() const;
    void setText(const QString &text);
    // The payload as JSON; nullopt (and the error shown) when the text is not JSON.
    std::optional<QJsonValue> payload();
    QStringList savedNames() const;
    void savePayload(const QString &name);
    void deletePayload(const QString &name);
    void loadPayload(const QString &name);

    QComboBox *savedBox() const { return m_saved; }
    QPlainTextEdit *editorWidget() const { return m_text; }

private:
    int pipeRow() const;
    QJsonArray saved() const;
    void refreshSaved();
    QString defaultPayload() const;

    DocumentEditor *m_editor;
    QString m_pipeId;
    QComboBox *m_saved;
    QToolButton *m_save;
    QToolButton *m_delete;
    QPlainTextEdit *m_text;
    QLabel *m_error;
    bool m_refreshing = false;
};

} // namespace jb
