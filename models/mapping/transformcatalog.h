#pragma once

#include "transformspec.h"

#include <QJsonValue>
#include <QStringList>

namespace jb {

// One parameter of a transform, as the chain editor shows it and the compiler checks it.
struct TransformParam
{
    enum class Kind
    {
        Text,
        Integer,
        Choice,
        Fields, // a list of source fields
        Table, // an object of text -> text
        Code, // JavaScript
    };

    QString key;
    QString label;
    Kind kind = Kind::Text;
    bool required = false;
    QJsonValue defaultValue;
    QStringList choices;
    QString hint;
};

struct TransformInfo
{
    TransformOp op = TransformOp::Trim;
    QString label; // "Pad", "Phone (BR) to E.164"
    QString description;
    QList<TransformParam> params;
};

// What every transform is called, what it does and which parameters it takes.
class TransformCatalog final
{
public:
    static const QList<TransformInfo> &all();
    static const TransformInfo &info(TransformOp op);
    static QStringList names();
    // A new step with its default parameters, as the editor adds it.
    static TransformSpec defaults(TransformOp op);
};

} // namespace jb
