#pragma once
// The one place an enumeration meets its spelling in files and reports: a fixed table of
// (value, name) pairs, searched both ways. Used by the regimen types and by io/ to list the
// allowed values in error messages.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace dermasim {

template <class Enum, std::size_t N>
class EnumNames {
 public:
  constexpr explicit EnumNames(std::array<std::pair<Enum, std::string_view>, N> entries) : entries_(entries) {}

  [[nodiscard]] constexpr std::string_view name(Enum value) const {
    for (const auto& [entry, text] : entries_)
      if (entry == value) return text;
    expects(false, "EnumNames::name: value missing from its table");
    return {};
  }

  [[nodiscard]] constexpr std::optional<Enum> parse(std::string_view text) const {
    for (const auto& [entry, spelling] : entries_)
      if (spelling == text) return entry;
    return std::nullopt;
  }

  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> result;
    for (const auto& entry : entries_) result.emplace_back(entry.second);
    return result;
  }

  [[nodiscard]] constexpr const auto& entries() const { return entries_; }

 private:
  std::array<std::pair<Enum, std::string_view>, N> entries_;
};

}  // namespace dermasim
