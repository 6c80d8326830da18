#include "io/scenario_writer.hpp"

#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace dermasim::io {

using namespace regimen;

std::string toml_string(const std::string& text) {
  std::string quoted = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\t':
        quoted += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          quoted += fmt::format("\\u{:04x}", static_cast<int>(c));
        else
          quoted += c;
    }
  }
  return quoted + "\"";
}

namespace {

std::string string_list(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const auto& item : items) quoted.push_back(toml_string(item));
  return fmt::format("[{}]", fmt::join(quoted, ", "));
}

template <class Enum, std::size_t N>
std::string name_list(const std::vector<Enum>& values, const EnumNames<Enum, N>& names) {
  std::vector<std::string> items;
  for (const auto value : values) items.emplace_back(names.name(value));
  return string_list(items);
}

}  // namespace

std::string write_scenario(const Regimen& regimen, const std::string& header) {
  std::ostringstream out;
  std::istringstream header_lines(header);
  for (std::string line; std::getline(header_lines, line);) out << "# " << line << '\n';
  out << "\n[scenario]\n"
      << "name = " << toml_string(regimen.name) << '\n'
      << "start = " << iso(regimen.start) << '\n'
      << "days = " << regimen.days << '\n';

  const Person& person = regimen.person;
  out << "\n[person]\n"
      << "fitzpatrick = " << person.fitzpatrick << '\n';
  if (!person.age_is_default) out << "age_years = " << person.age_years << '\n';
  out << "site = " << toml_string(std::string(site_names.name(person.site))) << '\n'
      << "concerns = " << name_list(person.concerns, concern_names) << '\n'
      << "sensitivity = " << toml_string(std::string(sensitivity_names.name(person.sensitivity))) << '\n'
      << "pregnant = " << (person.pregnant ? "true" : "false") << '\n'
      << "breastfeeding = " << (person.breastfeeding ? "true" : "false") << '\n';
  if (person.isotretinoin_last_dose) out << "isotretinoin_last_dose = " << iso(*person.isotretinoin_last_dose) << '\n';
  out << "conditions = "
      << name_list(std::vector<Condition>(person.conditions.begin(), person.conditions.end()), condition_names) << '\n';

  for (const Product& product : regimen.products) {
    out << "\n[[product]]\n"
        << "id = " << toml_string(product.id) << '\n'
        << "active = " << toml_string(std::string(active_names.name(product.active))) << '\n';
    if (product.strength_percent) out << "strength_percent = " << fmt::format("{}", *product.strength_percent) << '\n';
    out << "vehicle = " << toml_string(std::string(vehicle_names.name(product.vehicle))) << '\n'
        << "amount_mg_per_cm2 = " << fmt::format("{}", product.amount_mg_per_cm2) << '\n'
        << "schedule = " << toml_string(std::string(schedule_names.name(product.schedule))) << '\n'
        << "from = " << iso(product.from) << '\n';
    if (product.until) out << "until = " << iso(*product.until) << '\n';
  }
  for (const Pause& pause : regimen.pauses)
    out << "\n[[pause]]\n"
        << "products = " << string_list(pause.products) << '\n'
        << "from = " << iso(pause.from) << '\n'
        << "until = " << iso(pause.until) << '\n';
  for (const Session& session : regimen.sessions) {
    out << "\n[[session]]\n"
        << "date = " << iso(session.date) << '\n'
        << "device = " << toml_string(std::string(device_names.name(session.device))) << '\n'
        << "needle_mm = " << fmt::format("{}", session.needle_mm) << '\n'
        << "passes = " << session.passes << '\n'
        << "occlusion_hours = " << fmt::format("{}", session.occlusion_hours) << '\n';
    if (!session.after.empty()) out << "after = " << string_list(session.after) << '\n';
  }
  return out.str();
}

}  // namespace dermasim::io
