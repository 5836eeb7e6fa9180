#pragma once

class QTableView;

namespace jb {

// One look for every table of the shell: compact rows, no row numbers, alternating rows, columns
// sized to their contents within sensible bounds, the last one stretched; long values elided in the
// middle with the whole text in the tooltip.
class TableStyle final
{
public:
    static void apply(QTableView *view);
    // Sizes columns to their contents (header included), each between a floor and `maxWidth`.
    static void fitColumns(QTableView *view, int maxWidth = 320);
};

} // namespace jb
