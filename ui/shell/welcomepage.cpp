#include "welcomepage.h"

#include "icons.h"

#include <QApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this))
{
    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(72, 72));
    auto *title = new QLabel(u"JourneyBench"_s, this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.0);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    auto *tagline = new QLabel(u"The integration journey, phase by phase: record the inventory, test it, "
                               u"sign it off and export what the journey asks for. Offline, in plain files "
                               u"that live in git."_s,
        this);
    tagline->setWordWrap(true);
    tagline->setForegroundRole(QPalette::PlaceholderText);

    auto *newButton = new QPushButton(Icons::icon(Icons::Glyph::Add), u"&New Project…"_s, this);
    auto *openButton = new QPushButton(Icons::icon(Icons::Glyph::Folder), u"&Open Project…"_s, this);
    auto *sampleButton = new QPushButton(u"Open the &Sample Project"_s, this);
    for (QPushButton *button : {newButton, openButton, sampleButton})
        button->setMinimumHeight(34);
    connect(newButton, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(sampleButton, &QPushButton::clicked, this, &WelcomePage::sampleRequested);

    auto *recentLabel = new QLabel(u"&Recent projects"_s, this);
    recentLabel->setBuddy(m_recent);
    QFont bold = recentLabel->font();
    bold.setBold(true);
    recentLabel->setFont(bold);
    m_recent->setMinimumHeight(160);
    connect(m_recent, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { Q_EMIT recentRequested(item->data(Qt::UserRole).toString()); });

    auto *heading = new QHBoxLayout;
    heading->setSpacing(18);
    heading->addWidget(icon, 0, Qt::AlignTop);
    auto *words = new QVBoxLayout;
    words->addWidget(title);
    words->addWidget(tagline);
    heading->addLayout(words, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newButton);
    buttons->addWidget(openButton);
    buttons->addWidget(sampleButton);
    buttons->addStretch(1);

    auto *column = new QVBoxLayout;
    column->setSpacing(14);
    column->addLayout(heading);
    column->addSpacing(8);
    column->addLayout(buttons);
    column->addSpacing(8);
    column->addWidget(recentLabel);
    column->addWidget(m_recent, 1);

    auto *content = new QWidget(this);
    content->setLayout(column);
    content->setMaximumWidth(760);
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(40, 60, 40, 40);
    outer->addStretch(1);
    outer->addWidget(content, 4);
    outer->addStretch(1);
}

void WelcomePage::setRecentProjects(const QStringList &folders)
{
    m_recent->clear();
    for (const QString &folder : folders) {
        auto *item = new QListWidgetItem(
            u"%1\n%2"_s.arg(QDir(folder).dirName(), QDir::toNativeSeparators(folder)), m_recent);
        item->setData(Qt::UserRole, folder);
        item->setIcon(Icons::icon(Icons::Glyph::Folder));
    }
    if (folders.isEmpty()) {
        auto *item = new QListWidgetItem(u"No recent projects yet"_s, m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}

} // namespace jb
