#include "sequencelayout.h"

#include <QFontMetricsF>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

using Kind = SequenceStep::Kind;
using Tone = DiagramItem::Tone;

constexpr double margin = 12;
constexpr double labelFont = 8;
constexpr double participantFont = 9;
constexpr double maxLabelWidth = 210;
constexpr double maxNoteWidth = 190;
constexpr double maxParticipantWidth = 140;
constexpr double minParticipantWidth = 84;
constexpr double columnGap = 26;

QSizeF measure(const QString &text, double points, double maxWidth, bool bold = false)
{
    // measured ten times larger: small pixel sizes round each advance, large ones (a 300 dpi page,
    // a zoomed view) do not, and the layout must hold for both
    QFont font = DiagramPicture::font(points, bold);
    font.setPixelSize(font.pixelSize() * 10);
    const QFontMetricsF metrics(font);
    const QRectF bounds = metrics.boundingRect(QRectF(0, 0, maxWidth * 10, 1e7), Qt::TextWordWrap, text);
    // slack: a device may still measure a little wider, and a label that wraps where it was
    // measured on one line would lose a line
    return QSizeF(std::ceil(bounds.width() / 10) + 6, std::ceil(bounds.height() / 10));
}

Tone participantTone(SequenceParticipant::Role role)
{
    switch (role) {
    case SequenceParticipant::Role::Pipe:
        return Tone::Pipe;
    case SequenceParticipant::Role::ErrorPipe:
        return Tone::ErrorPipe;
    case SequenceParticipant::Role::Trigger:
        return Tone::Trigger;
    case SequenceParticipant::Role::System:
        break;
    }
    return Tone::Participant;
}

bool isMessage(Kind kind)
{
    return kind == Kind::Call || kind == Kind::Reply || kind == Kind::ErrorReply || kind == Kind::Event;
}

struct OpenGroup
{
    QString label;
    QString condition;
    double top = 0;
    double left = 1e9;
    double right = -1e9;
    QList<std::pair<double, QString>> separators; // else lines: y and condition
    int depth = 0;
};

} // namespace

DiagramPicture SequenceLayout::layout(const SequenceDiagram &diagram, Title title)
{
    DiagramPicture picture;
    const int count = int(diagram.participants.size());
    if (count == 0)
        return picture;

    // participant boxes and the distance between neighbouring lifelines
    QList<QSizeF> boxes;
    double boxHeight = 0;
    for (const SequenceParticipant &participant : diagram.participants) {
        const QSizeF text = measure(participant.label, participantFont, maxParticipantWidth - 12, true);
        boxes.append(QSizeF(std::max(minParticipantWidth, text.width() + 14), text.height() + 12));
        boxHeight = std::max(boxHeight, text.height() + 12);
    }
    QList<double> gaps(std::max(0, count - 1));
    for (int i = 0; i + 1 < count; ++i)
        gaps[i] = (boxes.at(i).width() + boxes.at(i + 1).width()) / 2 + columnGap;
    // widen the gaps so that each message's label fits between its lifelines: short spans first
    QList<SequenceStep> messages;
    for (const SequenceStep &step : diagram.steps) {
        if (isMessage(step.kind))
            messages.append(step);
    }
    std::stable_sort(messages.begin(), messages.end(), [&](const SequenceStep &a, const SequenceStep &b) {
        return std::abs(diagram.indexOf(a.from) - diagram.indexOf(a.to))
            < std::abs(diagram.indexOf(b.from) - diagram.indexOf(b.to));
    });
    for (const SequenceStep &step : std::as_const(messages)) {
        int from = diagram.indexOf(step.from);
        int to = diagram.indexOf(step.to);
        if (from < 0 || to < 0 || from == to)
            continue;
        if (from > to)
            std::swap(from, to);
        const double needed = measure(step.text, labelFont, maxLabelWidth).width() + 24;
        double have = 0;
        for (int i = from; i < to; ++i)
            have += gaps.at(i);
        if (have < needed) {
            const double extra = (needed - have) / (to - from);
            for (int i = from; i < to; ++i)
                gaps[i] += extra;
        }
    }
    QList<double> centres;
    double x = boxes.first().width() / 2;
    for (int i = 0; i < count; ++i) {
        centres.append(x);
        if (i + 1 < count)
            x += gaps.at(i);
    }

    QList<DiagramItem> front; // drawn above lifelines and frames
    QList<DiagramItem> frames;
    double y = 0;
    if (title == Title::Shown) {
        const QSizeF size = measure(diagram.title, 10, 1e6, true);
        DiagramItem heading;
        heading.kind = DiagramItem::Kind::Text;
        heading.rect = QRectF(centres.first() - boxes.first().width() / 2, y, size.width(), size.height());
        heading.text = diagram.title;
        heading.fontSize = 10;
        heading.bold = true;
        heading.align = Qt::AlignLeft | Qt::AlignVCenter;
        front.append(heading);
        y += size.height() + 10;
    }
    const double boxTop = y;
    for (int i = 0; i < count; ++i) {
        DiagramItem box;
        box.kind = DiagramItem::Kind::Box;
        box.tone = participantTone(diagram.participants.at(i).role);
        box.rect = QRectF(centres.at(i) - boxes.at(i).width() / 2, boxTop, boxes.at(i).width(), boxHeight);
        box.text = diagram.participants.at(i).label;
        box.fontSize = participantFont;
        box.bold = true;
        box.key = u"participant:"_s + diagram.participants.at(i).id;
        front.append(box);
    }
    y = boxTop + boxHeight + 18;

    QList<OpenGroup> open;
    auto widenGroups = [&](double left, double right) {
        for (OpenGroup &group : open) {
            group.left = std::min(group.left, left);
            group.right = std::max(group.right, right);
        }
    };
    for (int n = 0; n < diagram.steps.size(); ++n) {
        const SequenceStep &step = diagram.steps.at(n);
        const QString key = u"step:%1"_s.arg(n);
        if (isMessage(step.kind)) {
            const int from = diagram.indexOf(step.from);
            const int to = diagram.indexOf(step.to);
            if (from < 0 || to < 0)
                continue;
            const double x1 = centres.at(from);
            const double x2 = centres.at(to);
            const QSizeF label = measure(step.text, labelFont, maxLabelWidth);
            DiagramItem text;
            text.kind = DiagramItem::Kind::Text;
            text.tone = step.kind == Kind::ErrorReply ? Tone::Error : Tone::Ink;
            text.rect = QRectF((x1 + x2) / 2 - label.width() / 2, y, label.width(), label.height());
            text.text = step.text;
            text.fontSize = labelFont;
            text.align = Qt::AlignHCenter | Qt::AlignBottom;
            text.key = key;
            front.append(text);
            const double lineY = y + label.height() + 3;
            DiagramItem arrow;
            arrow.kind = DiagramItem::Kind::Arrow;
            arrow.tone = step.kind == Kind::ErrorReply ? Tone::Error : Tone::Ink;
            const double inset = x2 > x1 ? -1 : 1;
            arrow.line = QLineF(x1, lineY, x2 + inset, lineY);
            arrow.dashed = step.kind == Kind::Reply || step.kind == Kind::ErrorReply;
            arrow.head = step.kind == Kind::ErrorReply ? DiagramItem::Head::Cross
                : step.kind == Kind::Event             ? DiagramItem::Head::Open
                                                       : DiagramItem::Head::Filled;
            arrow.key = key;
            front.append(arrow);
            widenGroups(std::min({x1, x2, text.rect.left()}), std::max({x1, x2, text.rect.right()}));
            y = lineY + 14;
        } else if (step.kind == Kind::Note) {
            const int over = diagram.indexOf(step.from);
            if (over < 0)
                continue;
            const QSizeF size = measure(step.text, labelFont, maxNoteWidth - 10);
            DiagramItem note;
            note.kind = DiagramItem::Kind::Note;
            note.tone = Tone::Note;
            note.rect
                = QRectF(centres.at(over) - (size.width() + 12) / 2, y, size.width() + 12, size.height() + 8);
            note.text = step.text;
            note.fontSize = labelFont;
            note.align = Qt::AlignLeft | Qt::AlignTop;
            note.key = key;
            front.append(note);
            widenGroups(note.rect.left(), note.rect.right());
            y += note.rect.height() + 10;
        } else if (step.kind == Kind::Alt || step.kind == Kind::Opt) {
            OpenGroup group;
            group.label = step.kind == Kind::Alt ? u"alt"_s : u"opt"_s;
            group.condition = step.text;
            group.top = y;
            group.depth = int(open.size());
            open.append(group);
            y += 24;
        } else if (step.kind == Kind::Else && !open.isEmpty()) {
            open.last().separators.append({y, step.text});
            y += 20;
        } else if (step.kind == Kind::End && !open.isEmpty()) {
            const OpenGroup group = open.takeLast();
            const double pad = 14;
            const QRectF rect(QPointF(group.left - pad, group.top), QPointF(group.right + pad, y + 2));
            DiagramItem frame;
            frame.kind = DiagramItem::Kind::Frame;
            frame.tone = Tone::Frame;
            frame.rect = rect;
            frame.text = group.label + u'|' + group.condition;
            frame.fontSize = labelFont;
            frames.append(frame);
            for (const auto &[lineY, condition] : group.separators) {
                DiagramItem separator;
                separator.kind = DiagramItem::Kind::Line;
                separator.tone = Tone::Frame;
                separator.dashed = true;
                separator.line = QLineF(rect.left(), lineY, rect.right(), lineY);
                frames.append(separator);
                DiagramItem label;
                label.kind = DiagramItem::Kind::Text;
                label.tone = Tone::Muted;
                label.fontSize = labelFont;
                label.rect = QRectF(rect.left() + 6, lineY + 2, rect.width() - 12, 14);
                label.text = u'[' + condition + u']';
                label.align = Qt::AlignLeft | Qt::AlignTop;
                frames.append(label);
            }
            // an enclosing group must enclose this frame too
            widenGroups(rect.left(), rect.right());
            y += 12;
        }
    }
    const double bottom = y + 4;

    QList<DiagramItem> items;
    for (int i = 0; i < count; ++i) {
        DiagramItem lifeline;
        lifeline.kind = DiagramItem::Kind::Line;
        lifeline.tone = Tone::Muted;
        lifeline.dashed = true;
        lifeline.line = QLineF(centres.at(i), boxTop + boxHeight, centres.at(i), bottom);
        items.append(lifeline);
    }
    items += frames;
    items += front;

    // move everything so that the leftmost mark sits at the margin
    double left = 0;
    double right = 0;
    for (const DiagramItem &item : std::as_const(items)) {
        const QRectF bounds = item.kind == DiagramItem::Kind::Line || item.kind == DiagramItem::Kind::Arrow
            ? QRectF(item.line.p1(), item.line.p2()).normalized()
            : item.rect;
        left = std::min(left, bounds.left());
        right = std::max(right, bounds.right());
    }
    const QPointF shift(margin - left, margin);
    for (DiagramItem &item : items) {
        item.rect.translate(shift);
        item.line.translate(shift);
        picture.add(item);
    }
    picture.setSize(QSizeF(std::ceil(right - left + 2 * margin), std::ceil(bottom + 2 * margin)));
    return picture;
}

} // namespace jb
