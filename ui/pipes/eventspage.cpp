#include "eventspage.h"

#include "core/offthread.h"
#include "pipeerror.h"
#include "piperuntime.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "storedeventmodel.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr int refreshDelayMs = 150; // a burst of stored events is one read

struct Listed
{
    QList<StoredEvent> events;
    QString error; // empty: read (or no store yet)
};

} // namespace

EventsPage::EventsPage(ProjectSession *session, PipeRuntime *runtime, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_runtime(runtime)
    , m_model(new StoredEventModel(this))
    , m_refreshTimer(new QTimer(this))
{
    setObjectName(u"eventsPage"_s);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(refreshDelayMs);

    m_pipe = new QComboBox(this);
    m_pipe->setObjectName(u"eventPipeFilter"_s);
    m_class = new QComboBox(this);
    m_class->setObjectName(u"eventClassFilter"_s);
    m_class->addItem(tr("Any class"), QString());
    for (PipeError::Class c : {PipeError::Class::Connectivity, PipeError::Class::Access,
             PipeError::Class::Data, PipeError::Class::Volume})
        m_class->addItem(PipeError::className(c), PipeError::className(c));
    m_retriable = new QComboBox(this);
    m_retriable->setObjectName(u"eventRetriableFilter"_s);
    m_retriable->addItem(tr("Retriable or not"), -1);
    m_retriable->addItem(tr("Retriable"), 1);
    m_retriable->addItem(tr("Not retriable"), 0);
    auto *reload = new QToolButton(this);
    reload->setText(tr("Refresh"));
    m_state = new QLabel(this);
    m_state->setObjectName(u"eventsState"_s);
    m_state->setForegroundRole(QPalette::PlaceholderText);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Pipe"), this));
    bar->addWidget(m_pipe);
    bar->addWidget(m_class);
    bar->addWidget(m_retriable);
    bar->addWidget(reload);
    bar->addWidget(m_state, 1);

    m_view = new QTableView(this);
    m_view->setObjectName(u"eventsView"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(StoredEventModel::TimeColumn, 150);
    m_view->setColumnWidth(StoredEventModel::PipeColumn, 120);
    m_view->setColumnWidth(StoredEventModel::StepColumn, 90);
    m_view->setColumnWidth(StoredEventModel::ClassColumn, 100);
    m_view->setColumnWidth(StoredEventModel::RetriableColumn, 70);
    m_view->setColumnWidth(StoredEventModel::StatusColumn, 200);

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(u"eventDetails"_s);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select an event to read it whole"));
    m_rerun = new QPushButton(tr("Re-run"), this);
    m_rerun->setObjectName(u"rerunButton"_s);
    m_rerun->setToolTip(tr("Run the failed pipe again with the request stored in the event"));
    m_rerun->setEnabled(false);
    auto *detailSide = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailSide);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    auto *rerunRow = new QHBoxLayout;
    rerunRow->addWidget(m_rerun);
    rerunRow->addStretch(1);
    detailLayout->addLayout(rerunRow);
    detailLayout->addWidget(m_details, 1);

    // the table takes the whole width (its message column is the one people read); the event
    // whole sits under it
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(detailSide);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    for (QComboBox *box : {m_pipe, m_class, m_retriable})
        connect(box, &QComboBox::currentIndexChanged, this, &EventsPage::refresh);
    connect(reload, &QToolButton::clicked, this, &EventsPage::refresh);
    connect(m_refreshTimer, &QTimer::timeout, this, &EventsPage::refresh);
    connect(m_runtime, &PipeRuntime::eventStored, m_refreshTimer, qOverload<>(&QTimer::start));
    connect(m_runtime, &PipeRuntime::executionFinished, m_refreshTimer, qOverload<>(&QTimer::start));
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EventsPage::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EventsPage::showSelected);
    connect(m_rerun, &QPushButton::clicked, this, &EventsPage::rerunSelected);
    ProjectDocument *document = session->document();
    connect(document, &ProjectDocument::wasReset, this, [this] {
        refreshPipes();
        refresh();
    });
    const auto pipesChanged = [this](const QString &kind) {
        if (kind == u"pipe")
            refreshPipes();
    };
    connect(document, &ProjectDocument::entityInserted, this, pipesChanged);
    connect(document, &ProjectDocument::entityRemoved, this, pipesChanged);
    refreshPipes();
    refresh();
}

void EventsPage::refreshPipes()
{
    const QString current = m_pipe->currentData().toString();
    const QSignalBlocker blocker(m_pipe);
    m_pipe->clear();
    m_pipe->addItem(tr("Every pipe"), QString());
    for (const EntityRecord &record : m_session->document()->entities(u"pipe"_s))
        m_pipe->addItem(record.id(), record.id());
    m_pipe->setCurrentIndex(std::max(0, m_pipe->findData(current)));
}

EventFilter EventsPage::filter() const
{
    EventFilter filter;
    filter.pipe = m_pipe->currentData().toString();
    filter.errorClass = m_class->currentData().toString();
    const int retriable = m_retriable->currentData().toInt();
    if (retriable >= 0)
        filter.retriable = retriable == 1;
    filter.limit = 500;
    return filter;
}

void EventsPage::refresh()
{
    const quint64 generation = ++m_generation;
    const QString file = m_runtime->storeFile();
    const EventFilter wanted = filter();
    runOffThread(
        this, nullptr,
        [file, wanted] {
            Listed listed;
            if (!QFileInfo::exists(file))
                return listed; // no event yet: no store yet
            EventStore store(file);
            Result<QList<StoredEvent>> events = store.list(wanted);
            if (events)
                listed.events = std::move(events).value();
            else
                listed.error = events.errorString();
            return listed;
        },
        [this, generation](const Listed &listed) {
            if (generation != m_generation)
                return; // a newer read is on its way
            const qint64 selected = m_view->currentIndex().isValid()
                ? m_view->currentIndex().data(StoredEventModel::IdRole).toLongLong()
                : 0;
            m_model->setEvents(listed.events);
            const int row = m_model->rowOfId(selected);
            if (row >= 0 || m_model->rowCount() > 0)
                m_view->setCurrentIndex(m_model->index(std::max(row, 0), 0));
            m_state->setText(listed.error.isEmpty() ? tr("%n event(s)", nullptr, int(listed.events.size()))
                                                    : tr("Cannot read the events: %1").arg(listed.error));
            Q_EMIT refreshed();
        });
}

void EventsPage::showSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_details->clear();
        m_rerun->setEnabled(false);
        return;
    }
    const StoredEvent &event = m_model->eventAt(current.row());
    m_details->setPlainText(QString::fromUtf8(QJsonDocument(event.toJson()).toJson(QJsonDocument::Indented)));
    m_rerun->setEnabled(event.retriable && !event.pipe.isEmpty());
}

void EventsPage::rerunSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const StoredEvent &event = m_model->eventAt(current.row());
    if (!event.retriable)
        return;
    const qint64 id = event.id;
    m_state->setText(tr("Re-running event %1…").arg(id));
    m_runtime->rerunEvent(id, this, [this, id](const PipeResult &result) {
        const QString text = tr("Re-run of event %1: %2 %3")
                                 .arg(QString::number(id), QString::number(result.status),
                                     QString::fromUtf8(result.body.left(200)));
        m_state->setText(text);
        Q_EMIT statusMessage(text);
        Q_EMIT rerunFinished(result);
        refresh();
    });
}

} // namespace jb
