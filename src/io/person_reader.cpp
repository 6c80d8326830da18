#include "io/person_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace dermasim::io {

using namespace regimen;

Person read_person(const TomlTable& table) {
  table.allow_only({"fitzpatrick", "age_years", "site", "concerns", "sensitivity", "pregnant", "breastfeeding",
                    "isotretinoin_last_dose", "conditions"});
  Person person;
  person.fitzpatrick = table.integer(
      "fitzpatrick", {1, 6, "give the Fitzpatrick skin type as a whole number 1 .. 6, e.g. fitzpatrick = 3"});
  if (auto age = table.optional_integer("age_years", {12, 110, "give the age in whole years, e.g. age_years = 38"})) {
    person.age_years = *age;
    person.age_is_default = false;
  }
  person.site = table.choice("site", site_names);
  for (const auto& item : table.string_list("concerns")) {
    const Concern concern = table.parse_choice(item.value, item.position, "concerns", concern_names);
    if (std::ranges::find(person.concerns, concern) != person.concerns.end())
      table.fail_at(item.position, fmt::format("concern \"{}\" is listed twice; list it once", item.value));
    person.concerns.push_back(concern);
  }
  person.sensitivity = table.choice("sensitivity", sensitivity_names);
  person.pregnant = table.boolean("pregnant", false);
  person.breastfeeding = table.boolean("breastfeeding", false);
  person.isotretinoin_last_dose = table.optional_date("isotretinoin_last_dose");
  if (table.has("conditions"))
    for (const auto& item : table.string_list("conditions"))
      person.conditions.insert(table.parse_choice(item.value, item.position, "conditions", condition_names));
  return person;
}

}  // namespace dermasim::io
