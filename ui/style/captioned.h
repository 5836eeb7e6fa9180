#pragma once

#include <QString>

class QWidget;

namespace jb {

// `content` under a bold caption, in a box without margins: how pages title their parts
// ("Checklist", "Expected", "Actual"). `spacing` is the gap between caption and content.
QWidget *captioned(const QString &caption, QWidget *content, QWidget *parent, int spacing = 6);

} // namespace jb
