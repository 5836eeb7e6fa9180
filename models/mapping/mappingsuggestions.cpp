#include "mappingsuggestions.h"

#include "fieldpath.h"

using namespace Qt::StringLiterals;

namespace jb {

QString MappingSuggestions::normalised(const QString &name)
{
    QString out;
    for (const QChar c : name.normalized(QString::NormalizationForm_D)) {
        if (c.isLetterOrNumber())
            out += c.toLower();
        else if (c == u'.' || c == u'[' || c == u']')
            out += c;
    }
    return out;
}

QList<MappingRule> MappingSuggestions::byName(const Contract &source, const Contract &target)
{
    QList<MappingRule> rules;
    QStringList taken;
    for (const ContractField &field : target.fields) {
        if (field.isContainer())
            continue;
        const QString wanted = normalised(field.name);
        QStringList exact;
        QStringList suffix;
        for (const ContractField &candidate : source.fields) {
            if (candidate.isContainer() || taken.contains(candidate.name))
                continue;
            const QString name = normalised(candidate.name);
            if (name == wanted)
                exact.append(candidate.name);
            else if (name.endsWith(wanted) && wanted.size() >= 2)
                suffix.append(candidate.name);
        }
        const QStringList &matches = exact.isEmpty() ? suffix : exact;
        if (matches.size() != 1)
            continue;
        taken.append(matches.constFirst());
        rules.append(MappingRule{field.name, matches.constFirst(), {}, {}});
    }
    return rules;
}

} // namespace jb
