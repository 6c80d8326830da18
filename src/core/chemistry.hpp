#pragma once
// Names for a compound's chemistry that the catalogue (regimen), the transport model and the
// readers share: its ionization type and its chemical class. Kept in core so that regimen,
// which may not see transport, holds typed values rather than strings.

#include "core/enum_names.hpp"

namespace dermasim {

/// Which way a compound ionizes; neutral compounds ignore the pH (Henderson–Hasselbalch).
enum class Ionization { neutral, acid, base };
inline constexpr EnumNames<Ionization, 3> ionization_names{
    {{{Ionization::neutral, "neutral"}, {Ionization::acid, "acid"}, {Ionization::base, "base"}}}};

/// The classes data/actives.toml may give an active.
enum class ChemicalClass { retinoid, antioxidant, humectant, exfoliant, sunscreen, inert };
inline constexpr EnumNames<ChemicalClass, 6> chemical_class_names{{{{ChemicalClass::retinoid, "retinoid"},
                                                                    {ChemicalClass::antioxidant, "antioxidant"},
                                                                    {ChemicalClass::humectant, "humectant"},
                                                                    {ChemicalClass::exfoliant, "exfoliant"},
                                                                    {ChemicalClass::sunscreen, "sunscreen"},
                                                                    {ChemicalClass::inert, "inert"}}}};

}  // namespace dermasim
