#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <cstddef>
#include <optional>

namespace jb {

// One value of an enum: the key that files and the command line spell, and the label people read
// (empty where the enum has none).
template <typename Enum> struct EnumName
{
    Enum value;
    QStringView key;
    QStringView label = {};
};

// An enum's keys and labels in one constexpr table. Writing a value and reading it back go through
// the same row, so they cannot drift apart the way a switch and the if-chain beside it could.
// Lookups are linear: these enums have a handful of values. The strings returned refer to the
// table's literals, so they cost no allocation.
template <typename Enum, std::size_t N> class EnumTable final
{
public:
    constexpr explicit EnumTable(const std::array<EnumName<Enum>, N> &names)
        : m_names(names)
    { }

    // In the table's order.
    constexpr const std::array<EnumName<Enum>, N> &names() const { return m_names; }

    std::optional<QString> key(Enum value) const
    {
        const EnumName<Enum> *name = find(value);
        return name ? std::optional<QString>(text(name->key)) : std::nullopt;
    }

    std::optional<QString> label(Enum value) const
    {
        const EnumName<Enum> *name = find(value);
        return name ? std::optional<QString>(text(name->label)) : std::nullopt;
    }

    // Exact and case-sensitive, as the files are.
    std::optional<Enum> fromKey(QStringView key) const
    {
        for (const EnumName<Enum> &name : m_names) {
            if (name.key == key)
                return name.value;
        }
        return std::nullopt;
    }

    QStringList keys() const
    {
        QStringList result;
        result.reserve(qsizetype(N));
        for (const EnumName<Enum> &name : m_names)
            result.append(text(name.key));
        return result;
    }

private:
    constexpr const EnumName<Enum> *find(Enum value) const
    {
        for (const EnumName<Enum> &name : m_names) {
            if (name.value == value)
                return &name;
        }
        return nullptr;
    }

    static QString text(QStringView literal) { return QString::fromRawData(literal.data(), literal.size()); }

    std::array<EnumName<Enum>, N> m_names;
};

// enumTable<Status>({{Status::Open, u"open", u"Open"}, ...}): the enum named, the size counted.
template <typename Enum, std::size_t N>
constexpr EnumTable<Enum, N> enumTable(const EnumName<Enum> (&names)[N])
{
    return EnumTable<Enum, N>(std::to_array(names));
}

} // namespace jb
