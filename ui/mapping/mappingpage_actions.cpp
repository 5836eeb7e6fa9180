// The From-To page's actions that open dialogs or write files.
#include "contractimportdialog.h"
#include "core/whendone.h"
#include "deparacsv.h"
#include "deparatable.h"
#include "deparaxlsx.h"
#include "documenteditor.h"
#include "mappingpage.h"
#include "mappingpreviewmodel.h"
#include "mappingrulesmodel.h"
#include "newmappingdialog.h"
#include "projectdocument.h"

#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace jb {

void MappingPage::newMapping()
{
    if (m_editor->document()->count(u"contract"_s) == 0) {
        QMessageBox::information(this, u"New mapping"_s,
            u"A mapping joins two contracts, and the project has none yet: import or record them first."_s);
        return;
    }
    auto *dialog = new NewMappingDialog(m_editor->document(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const int row = m_editor->addEntity(u"mapping"_s, dialog->entity());
        showMapping(m_editor->document()->at(u"mapping"_s, row).id());
    });
    dialog->open();
}

void MappingPage::importContracts()
{
    auto *dialog = new ContractImportDialog(m_editor, m_passwords, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MappingPage::exportDePara(bool xlsx)
{
    const std::optional<ResolvedMapping> &mapping = m_rules->mapping();
    if (!mapping)
        return;
    const QString suggested = mapping->definition.id + u"-de-para"_s + (xlsx ? u".xlsx"_s : u".csv"_s);
    const QString path = QFileDialog::getSaveFileName(
        this, u"Export the De-Para"_s, suggested, xlsx ? u"Excel workbooks (*.xlsx)"_s : u"CSV (*.csv)"_s);
    if (path.isEmpty())
        return;
    const auto systemName = [this](const QString &id, const QString &fallback) {
        const EntityRecord *record = m_editor->document()->find(u"system"_s, id);
        return record ? record->name() : fallback;
    };
    const QString systemA = systemName(mapping->source.system, mapping->source.name);
    const QString systemB = systemName(mapping->target.system, mapping->target.name);
    // the record in the preview gives the examples; the provider's examples otherwise
    const QJsonObject sample = m_previewModel->result().records.value(m_previewRecord);
    whenDone(QtConcurrent::run(&m_filePool,
                 [mapping = *mapping, sample, path, xlsx, systemA, systemB]() -> Status {
                     const MappingTable table = DeParaTable::build(mapping, sample);
                     if (xlsx)
                         return DeParaXlsx::write(table, systemA, systemB, path);
                     QSaveFile file(path);
                     if (!file.open(QIODevice::WriteOnly) || file.write(DeParaCsv::write(table)) < 0
                         || !file.commit())
                         return Status::failure(
                             Error::Code::Io, u"cannot write %1: %2"_s.arg(path, file.errorString()));
                     return {};
                 }),
        this, [this, path](const Status &written) {
            Q_EMIT statusMessage(written ? u"De-Para written to %1"_s.arg(path) : written.errorString());
            if (!written)
                QMessageBox::warning(this, u"Export the De-Para"_s, written.errorString());
        });
}

void MappingPage::importDePara()
{
    if (!m_rules->mapping())
        return;
    const QString path
        = QFileDialog::getOpenFileName(this, u"Import De-Para rules"_s, {}, u"CSV (*.csv);;All files (*)"_s);
    if (path.isEmpty())
        return;
    whenDone(QtConcurrent::run(&m_filePool,
                 [path]() -> Result<QList<MappingRule>> {
                     QFile file(path);
                     if (!file.open(QIODevice::ReadOnly))
                         return Result<QList<MappingRule>>::failure(
                             Error::Code::Io, u"cannot read %1: %2"_s.arg(path, file.errorString()));
                     return DeParaCsv::read(file.readAll());
                 }),
        this, [this, path](const Result<QList<MappingRule>> &rules) {
            if (!rules) {
                QMessageBox::warning(this, u"Import De-Para rules"_s, rules.errorString());
                return;
            }
            m_rules->replaceRules(rules.value(), u"Import the De-Para %1"_s.arg(QFileInfo(path).fileName()));
            Q_EMIT statusMessage(u"%1 rule(s) read from %2"_s.arg(rules.value().size()).arg(path));
        });
}

} // namespace jb
