#include "mappingpage.h"

#include "contractfieldmodel.h"
#include "documenteditor.h"
#include "fieldpath.h"
#include "mappinganalysis.h"
#include "mappingpreview.h"
#include "mappingpreviewmodel.h"
#include "mappingrulesmodel.h"
#include "projectdocument.h"
#include "samplerecords.h"
#include "sourcefielddelegate.h"
#include "transformchaineditor.h"

#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr int previewDelayMs = 80; // coalesces a burst of edits into one run
constexpr int databaseRowLimit = 200;

} // namespace

MappingPage::MappingPage(DocumentEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_rules(new MappingRulesModel(editor, this))
    , m_providerFields(new ContractFieldModel(ContractFieldModel::Side::Provider, this))
    , m_consumerFields(new ContractFieldModel(ContractFieldModel::Side::Consumer, this))
    , m_gaps(new QStringListModel(this))
    , m_unused(new QStringListModel(this))
    , m_preview(new MappingPreview(this))
    , m_previewModel(new MappingPreviewModel(this))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(u"mappingPage"_s);
    m_filePool.setMaxThreadCount(1);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(previewDelayMs);
    buildLayout();

    connect(m_previewTimer, &QTimer::timeout, this, &MappingPage::runPreview);
    connect(m_rules, &MappingRulesModel::mappingChanged, this, &MappingPage::onMappingChanged);
    connect(m_preview, &MappingPreview::finished, this, &MappingPage::onPreviewFinished);
    connect(m_preview, &MappingPreview::rowsLoaded, this,
        [this](const QList<QJsonObject> &rows, const QString &error) {
            m_loadingRows = false;
            m_databaseRows = rows;
            m_databaseError = error;
            if (!error.isEmpty())
                Q_EMIT statusMessage(u"Sample rows: "_s + error);
            schedulePreview();
        });
    connect(m_consumerFields, &ContractFieldModel::fieldDropped, this,
        [this](const QString &source, const QString &target) {
            m_rules->connectFields(source, target);
            const int row = m_rules->rowOfTarget(target);
            if (row >= 0)
                m_rulesView->selectRow(row);
        });
    connect(m_chain, &TransformChainEditor::chainEdited, this, [this](const QList<TransformSpec> &chain) {
        const int row = m_rules->rowOfTarget(m_chain->target());
        if (row >= 0)
            m_rules->setTransforms(row, chain);
    });
    connect(m_rulesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MappingPage::updateChainEditor);
    connect(m_previewView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            m_previewRecord = current.isValid() ? current.row() : 0;
            m_rules->setPreview(
                m_previewModel->valuesOf(m_previewRecord), m_previewModel->errorsOf(m_previewRecord));
        });
    connect(m_mappingBox, &QComboBox::activated, this,
        [this] { showMapping(m_mappingBox->currentData().toString()); });
    connect(m_sampleSource, &QComboBox::activated, this, [this] { schedulePreview(); });
    connect(m_reload, &QToolButton::clicked, this, [this] {
        m_databaseRowsKey.clear();
        schedulePreview();
    });
    connect(m_gapsView, &QListView::activated, this, [this](const QModelIndex &index) {
        const int row = m_rules->rowOfTarget(index.data(Qt::UserRole).toString().isEmpty()
                ? index.data().toString().section(u' ', 0, 0)
                : index.data(Qt::UserRole).toString());
        if (row < 0)
            return;
        m_rulesView->setCurrentIndex(m_rules->index(row, MappingRulesModel::SourceColumn));
        m_rulesView->edit(m_rulesView->currentIndex());
    });

    ProjectDocument *document = editor->document();
    const auto mappingsChanged = [this](const QString &kind) {
        if (kind == u"mapping")
            refreshMappingList();
    };
    connect(document, &ProjectDocument::entityInserted, this,
        [mappingsChanged](const QString &kind, int) { mappingsChanged(kind); });
    connect(document, &ProjectDocument::entityRemoved, this,
        [mappingsChanged](const QString &kind, int) { mappingsChanged(kind); });
    connect(document, &ProjectDocument::entityChanged, this,
        [mappingsChanged](const QString &kind, int) { mappingsChanged(kind); });
    connect(document, &ProjectDocument::wasReset, this, [this] {
        m_databaseRowsKey.clear();
        refreshMappingList();
    });
    refreshMappingList();
}

MappingPage::~MappingPage()
{
    m_filePool.waitForDone();
}

void MappingPage::setPasswordProvider(std::function<QString(const QString &)> provider)
{
    m_passwords = std::move(provider);
}

QString MappingPage::currentMappingId() const
{
    return m_rules->mappingId();
}

void MappingPage::refreshMappingList()
{
    const QString current = m_rules->mappingId();
    const QList<EntityRecord> mappings = m_editor->document()->entities(u"mapping"_s);
    {
        const QSignalBlocker blocker(m_mappingBox);
        m_mappingBox->clear();
        for (const EntityRecord &record : mappings)
            m_mappingBox->addItem(
                record.name().isEmpty() ? record.id() : record.name() + u"  ("_s + record.id() + u')',
                record.id());
        const int index = m_mappingBox->findData(current);
        m_mappingBox->setCurrentIndex(index);
    }
    if (m_mappingBox->currentIndex() < 0) {
        if (mappings.isEmpty()) {
            if (!current.isEmpty() || m_rules->mapping() || m_problem->isHidden())
                m_rules->setMappingId(QString());
        } else {
            showMapping(mappings.constFirst().id());
        }
    }
}

void MappingPage::showMapping(const QString &id)
{
    const int index = m_mappingBox->findData(id);
    if (index >= 0)
        m_mappingBox->setCurrentIndex(index);
    if (id == m_rules->mappingId() && m_rules->mapping())
        return;
    m_previewRecord = 0;
    m_rules->setMappingId(id);
    if (m_rules->rowCount() > 0)
        m_rulesView->selectRow(0);
}

void MappingPage::onMappingChanged()
{
    const std::optional<ResolvedMapping> &mapping = m_rules->mapping();
    m_problem->setVisible(!mapping && !m_rules->mappingId().isEmpty());
    if (!mapping) {
        m_problem->setText(m_rules->problem());
        m_providerFields->setContract({});
        m_consumerFields->setContract({});
        m_gaps->setStringList({});
        m_unused->setStringList({});
        m_previewModel->setResult({});
        m_chain->clearChain(m_rules->mappingId().isEmpty() ? u"No mapping yet: create one with New mapping…"_s
                                                           : m_rules->problem());
        m_status->setText(m_rules->mappingId().isEmpty() ? u"The project has no mapping yet."_s : QString());
        m_deParaButton->setEnabled(false);
        return;
    }
    m_deParaButton->setEnabled(true);
    if (!(m_providerFields->contract() == mapping->source))
        m_providerFields->setContract(mapping->source);
    if (!(m_consumerFields->contract() == mapping->target))
        m_consumerFields->setContract(mapping->target);
    m_providerBox->setTitle(u"Provider (A): %1"_s.arg(mapping->source.name));
    m_consumerBox->setTitle(u"Consumer (B): %1"_s.arg(mapping->target.name));
    if (auto *items = qobject_cast<QStandardItemModel *>(m_sampleSource->model()))
        items->item(1)->setEnabled(mapping->database.has_value());
    if (!mapping->database && m_sampleSource->currentIndex() == 1)
        m_sampleSource->setCurrentIndex(0);

    const MappingAnalysis analysis
        = MappingAnalysis::of(mapping->definition, mapping->source, mapping->target);
    QHash<QString, ContractFieldModel::State> provider;
    QHash<QString, ContractFieldModel::State> consumer;
    for (const QString &path : m_providerFields->paths())
        provider.insert(path,
            analysis.unusedSources.contains(path) ? ContractFieldModel::State::Unused
                                                  : ContractFieldModel::State::Mapped);
    for (const QString &path : m_consumerFields->paths()) {
        const bool filled = std::any_of(mapping->definition.rules.cbegin(), mapping->definition.rules.cend(),
            [&](const MappingRule &rule) {
                return rule.target == path || FieldPath::isAncestor(rule.target, path)
                    || FieldPath::isAncestor(path, rule.target);
            });
        consumer.insert(path,
            analysis.gaps.contains(path)
                ? ContractFieldModel::State::Gap
                : (filled ? ContractFieldModel::State::Mapped : ContractFieldModel::State::None));
    }
    m_providerFields->setStates(provider);
    m_consumerFields->setStates(consumer);

    QStringList gaps;
    for (const QString &gap : analysis.gaps) {
        const ContractField *field = mapping->target.field(gap);
        gaps.append(u"%1 (%2)"_s.arg(gap, field ? field->type : u"object"_s));
    }
    for (const QString &field : analysis.unknownTargets)
        gaps.append(u"%1 — not in the consumer contract"_s.arg(field));
    for (const QString &field : analysis.duplicateTargets)
        gaps.append(u"%1 — written by two rules"_s.arg(field));
    for (const QString &field : analysis.unknownSources)
        gaps.append(u"%1 — not in the provider contract"_s.arg(field));
    m_gaps->setStringList(gaps);
    m_unused->setStringList(analysis.unusedSources);
    updateChainEditor();
    updateSummary();
    schedulePreview();
}

void MappingPage::updateChainEditor()
{
    const std::optional<ResolvedMapping> &mapping = m_rules->mapping();
    const int row = m_rulesView->currentIndex().row();
    if (!mapping || row < 0) {
        m_chain->clearChain(
            mapping ? u"Choose a consumer field to see its transforms."_s : m_rules->problem());
        return;
    }
    QStringList sources;
    for (const ContractField &field : mapping->source.withImplicitParents())
        sources.append(field.name);
    m_chain->setChain(m_rules->targetAt(row), m_rules->transformsAt(row), sources);
}

void MappingPage::updateSummary()
{
    const std::optional<ResolvedMapping> &mapping = m_rules->mapping();
    if (!mapping)
        return;
    const qsizetype gaps = m_gaps->rowCount();
    QString text = u"%1 rules · %2"_s.arg(mapping->definition.rules.size())
                       .arg(gaps == 0 ? u"no gaps"_s : u"%1 gap(s)"_s.arg(gaps));
    m_status->setText(text);
}

void MappingPage::schedulePreview()
{
    m_previewTimer->start();
}

void MappingPage::loadDatabaseRows()
{
    const std::optional<ResolvedMapping> &mapping = m_rules->mapping();
    if (!mapping || !mapping->database)
        return;
    DatabaseSpec spec = *mapping->database;
    if (!spec.secretName.isEmpty() && spec.driver != u"QSQLITE" && m_passwords)
        spec.password = m_passwords(spec.secretName);
    m_loadingRows = true;
    m_databaseRowsKey = spec.id + u'\n' + mapping->sourceSql();
    m_previewSummary->setText(u"Reading rows from %1…"_s.arg(spec.id));
    m_preview->loadRows(spec, mapping->sourceSql(), databaseRowLimit);
}

void MappingPage::runPreview()
{
    const std::optional<ResolvedMapping> &mapping = m_rules->mapping();
    if (!mapping)
        return;
    QList<QJsonObject> records;
    if (m_sampleSource->currentIndex() == 1 && mapping->database) {
        const QString key = mapping->database->id + u'\n' + mapping->sourceSql();
        if (key != m_databaseRowsKey) {
            loadDatabaseRows(); // the preview runs again once they are in
            return;
        }
        if (m_loadingRows)
            return;
        if (!m_databaseError.isEmpty()) {
            m_previewSummary->setText(u"Cannot read rows: "_s + m_databaseError);
            m_previewModel->setResult({});
            return;
        }
        records = m_databaseRows;
    } else {
        records = SampleRecords::fromContract(mapping->source);
    }
    if (records.isEmpty()) {
        m_previewSummary->setText(
            u"No sample records: give the provider contract an example, or its fields examples."_s);
        m_previewModel->setResult({});
        return;
    }
    m_previewSummary->setText(u"Mapping %1 record(s)…"_s.arg(records.size()));
    m_preview->run(*mapping, records);
}

void MappingPage::onPreviewFinished(const MappingPreviewResult &result)
{
    m_previewModel->setResult(result);
    if (!result.error.isEmpty()) {
        m_previewSummary->setText(u"Cannot map: "_s + result.error);
    } else {
        const int invalid = m_previewModel->invalidCount();
        m_previewSummary->setText(u"%1 record(s): %2 valid, %3 invalid against %4"_s.arg(result.mapped.size())
                                      .arg(m_previewModel->validCount())
                                      .arg(invalid)
                                      .arg(m_rules->mapping() ? m_rules->mapping()->target.id : QString()));
    }
    const int row = std::min(m_previewRecord, static_cast<int>(result.mapped.size()) - 1);
    if (row >= 0 && m_previewView->currentIndex().row() != row)
        m_previewView->selectRow(row);
    m_rules->setPreview(
        m_previewModel->valuesOf(std::max(row, 0)), m_previewModel->errorsOf(std::max(row, 0)));
}

} // namespace jb
