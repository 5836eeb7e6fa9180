#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace jb {

// Asks for a new project's name and the (empty) folder it goes in.
class NewProjectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewProjectDialog)

public:
    explicit NewProjectDialog(const QString &startFolder, QWidget *parent = nullptr);

    QString name() const;
    QString folder() const;

private:
    void browse();
    void update();

    QLineEdit *m_name;
    QLineEdit *m_folder;
    QPushButton *m_ok;
    QString m_startFolder;
};

} // namespace jb
