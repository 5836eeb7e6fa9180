#pragma once

#include <QJsonObject>
#include <QList>
#include <QThreadPool>
#include <QWidget>

#include <functional>

class QComboBox;
class QGroupBox;
class QLabel;
class QListView;
class QSplitter;
class QStringListModel;
class QTableView;
class QTimer;
class QToolButton;
class QTreeView;

namespace jb {

class ContractFieldModel;
class DocumentEditor;
class MappingPreview;
class MappingPreviewModel;
class MappingRulesModel;
class TransformChainEditor;
struct MappingPreviewResult;

// The From-To (De-Para) editor of phase 5: provider fields on the left, consumer fields on the
// right, the rules between them in the middle (connect by dragging a provider field onto a
// consumer field, or by choosing the source in the table), the chosen rule's transform chain
// under it; the gaps and unused provider fields; and a live preview of sample records (the
// provider's example messages or rows read from its database), mapped field by field with the
// consumer contract's validation marked in each cell. Every edit goes through DocumentEditor; the
// preview follows each edit on a worker thread.
class MappingPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingPage)

public:
    explicit MappingPage(DocumentEditor *editor, QWidget *parent = nullptr);
    ~MappingPage() override;

    void showMapping(const QString &id);
    QString currentMappingId() const;
    // Where database passwords come from (the keychain in the application); none by default,
    // which is all SQLite needs.
    void setPasswordProvider(std::function<QString(const QString &secretName)> provider);

    MappingRulesModel *rulesModel() const { return m_rules; }
    QTableView *rulesView() const { return m_rulesView; }
    QStringListModel *gapsModel() const { return m_gaps; }
    QStringListModel *unusedModel() const { return m_unused; }
    MappingPreviewModel *previewModel() const { return m_previewModel; }
    MappingPreview *preview() const { return m_preview; }
    QTableView *previewView() const { return m_previewView; }
    QLabel *previewDetail() const { return m_previewDetail; }
    QTreeView *providerView() const { return m_providerView; }
    QTreeView *consumerView() const { return m_consumerView; }
    ContractFieldModel *consumerFields() const { return m_consumerFields; }
    TransformChainEditor *chainEditor() const { return m_chain; }
    QComboBox *sampleSourceBox() const { return m_sampleSource; }
    QComboBox *mappingBox() const { return m_mappingBox; }

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void buildLayout();
    void refreshMappingList();
    void onMappingChanged();
    void updateChainEditor();
    void schedulePreview();
    void runPreview();
    void onPreviewFinished(const MappingPreviewResult &result);
    void loadDatabaseRows();
    void updateSummary();
    // mappingpage_actions.cpp
    void newMapping();
    void importContracts();
    void exportDePara(bool xlsx);
    void importDePara();

    DocumentEditor *m_editor;
    std::function<QString(const QString &)> m_passwords;
    MappingRulesModel *m_rules;
    ContractFieldModel *m_providerFields;
    ContractFieldModel *m_consumerFields;
    QStringListModel *m_gaps;
    QStringListModel *m_unused;
    MappingPreview *m_preview;
    MappingPreviewModel *m_previewModel;
    QTimer *m_previewTimer;
    QThreadPool m_filePool; // De-Para files are written off the GUI thread

    QComboBox *m_mappingBox = nullptr;
    QToolButton *m_deParaButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_problem = nullptr;
    QGroupBox *m_providerBox = nullptr;
    QGroupBox *m_consumerBox = nullptr;
    QTreeView *m_providerView = nullptr;
    QTreeView *m_consumerView = nullptr;
    QTableView *m_rulesView = nullptr;
    TransformChainEditor *m_chain = nullptr;
    QListView *m_gapsView = nullptr;
    QListView *m_unusedView = nullptr;
    QComboBox *m_sampleSource = nullptr;
    QToolButton *m_reload = nullptr;
    QLabel *m_previewSummary = nullptr;
    QTableView *m_previewView = nullptr;
    QLabel *m_previewDetail = nullptr;

    QList<QJsonObject> m_databaseRows;
    QString m_databaseRowsKey; // which database and query m_databaseRows came from
    QString m_databaseError;
    bool m_loadingRows = false;
    int m_previewRecord = 0;
};

} // namespace jb
