// The Unit tests page's edits: each one rewrites the suite's "cases" through the document editor,
// as one undoable edit of the suite's file, and the tree follows the document.
#include "casejsondialog.h"
#include "documenteditor.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "suiteloader.h"
#include "testsuite.h"
#include "unittestspage.h"
#include "unittesttreemodel.h"

#include <QJsonArray>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

int caseIndexOf(const QString &pointer)
{
    return pointer.startsWith(u"/cases/"_s) ? pointer.mid(7).toInt() : -1;
}

// `base`, or `base 2`, `base 3`... whichever no case of `cases` is named yet.
QString freeName(const QJsonArray &cases, const QString &base)
{
    QStringList taken;
    for (const QJsonValue &test : cases)
        taken.append(test.toObject().value(u"name"_s).toString());
    QString name = base;
    for (int n = 2; taken.contains(name); ++n)
        name = u"%1 %2"_s.arg(base).arg(n);
    return name;
}

} // namespace

void UnitTestsPage::replaceCases(int entityRow, const QJsonArray &cases, const QString &text)
{
    QJsonObject suite = m_session->document()->at(testKind, entityRow).data;
    suite.insert(u"cases"_s, cases);
    m_session->editor()->setEntity(testKind, entityRow, suite, text);
}

void UnitTestsPage::addCase()
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    if (!current.isValid())
        return;
    const int row = current.data(UnitTestTreeModel::EntityRowRole).toInt();
    const QString suiteId = current.data(UnitTestTreeModel::SuiteIdRole).toString();
    QJsonArray cases = m_session->document()->at(testKind, row).data.value(u"cases"_s).toArray();
    const int at = caseIndexOf(current.data(UnitTestTreeModel::PointerRole).toString());
    // the new case calls the pipe the way its neighbour does, with no mocks and one expectation to
    // change, so that it runs as it is
    const QJsonObject model = cases.isEmpty() ? QJsonObject() : cases.at(at >= 0 ? at : 0).toObject();
    QJsonObject test{{u"name"_s, freeName(cases, u"new case"_s)}};
    if (model.contains(u"event"_s))
        test.insert(u"event"_s, model.value(u"event"_s));
    else
        test.insert(u"request"_s,
            model.value(u"request"_s).isObject() && !model.contains(u"rows"_s)
                ? model.value(u"request"_s)
                : QJsonValue(QJsonObject{{u"method"_s, u"GET"_s}, {u"path"_s, u"/"_s}}));
    test.insert(u"expect"_s, QJsonArray{QJsonObject{{u"path"_s, u"status"_s}, {u"exists"_s, true}}});
    const int insertAt = at >= 0 ? at + 1 : int(cases.size());
    cases.insert(insertAt, test);
    replaceCases(row, cases, tr("Add case \"%1\"").arg(test.value(u"name"_s).toString()));
    selectCase(suiteId, test.value(u"name"_s).toString());
}

void UnitTestsPage::duplicateCase()
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    const int at = caseIndexOf(current.data(UnitTestTreeModel::PointerRole).toString());
    if (at < 0)
        return;
    const int row = current.data(UnitTestTreeModel::EntityRowRole).toInt();
    const QString suiteId = current.data(UnitTestTreeModel::SuiteIdRole).toString();
    QJsonArray cases = m_session->document()->at(testKind, row).data.value(u"cases"_s).toArray();
    QJsonObject copy = cases.at(at).toObject();
    const QString name = freeName(cases, copy.value(u"name"_s).toString() + u" (copy)"_s);
    copy.insert(u"name"_s, name);
    cases.insert(at + 1, copy);
    replaceCases(
        row, cases, tr("Duplicate case \"%1\"").arg(cases.at(at).toObject().value(u"name"_s).toString()));
    const QModelIndex made = m_model->index(at + 1, 0, m_model->suiteIndex(suiteId));
    if (made.isValid())
        m_tree->setCurrentIndex(made);
}

void UnitTestsPage::removeCase()
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    const int at = caseIndexOf(current.data(UnitTestTreeModel::PointerRole).toString());
    if (at < 0)
        return;
    const int row = current.data(UnitTestTreeModel::EntityRowRole).toInt();
    QJsonArray cases = m_session->document()->at(testKind, row).data.value(u"cases"_s).toArray();
    const QString name = cases.at(at).toObject().value(u"name"_s).toString();
    cases.removeAt(at);
    replaceCases(row, cases, tr("Remove case \"%1\"").arg(name));
}

void UnitTestsPage::editCase()
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    const int at = caseIndexOf(current.data(UnitTestTreeModel::PointerRole).toString());
    if (at < 0)
        return;
    const int row = current.data(UnitTestTreeModel::EntityRowRole).toInt();
    const QJsonObject suite = m_session->document()->at(testKind, row).data;
    const QJsonArray cases = suite.value(u"cases"_s).toArray();
    const ProjectDocument *document = m_session->document();
    // the suite with the edited case in place, read as a run would read it
    const auto check = [document, suite, cases, at](const QJsonObject &edited) {
        ProjectData project = document->data();
        project.entities = document->allEntities();
        QJsonArray candidate = cases;
        candidate.replace(at, edited);
        QJsonObject changed = suite;
        changed.insert(u"cases"_s, candidate);
        QList<SuiteProblem> problems;
        TestSuite::fromJson(changed, SuiteLoader::contractSchemas(project), &problems);
        QStringList lines;
        const QString mine = u"/cases/%1"_s.arg(at);
        for (const SuiteProblem &problem : std::as_const(problems)) {
            if (problem.pointer == mine || problem.pointer.startsWith(mine + u'/'))
                lines.append(u"%1: %2"_s.arg(problem.pointer.mid(mine.size()).isEmpty()
                        ? u"case"_s
                        : problem.pointer.mid(mine.size() + 1),
                    problem.message));
        }
        return lines;
    };
    CaseJsonDialog dialog(cases.at(at).toObject(), check, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QJsonArray changed = cases;
    changed.replace(at, dialog.edited());
    replaceCases(row, changed, tr("Edit case \"%1\"").arg(dialog.edited().value(u"name"_s).toString()));
}

} // namespace jb
