#include "report/regimen_json.hpp"

namespace dermasim::report {

using namespace regimen;

nlohmann::json regimen_json(const Regimen& regimen) {
  const Person& person = regimen.person;
  nlohmann::json concerns = nlohmann::json::array();
  for (const auto concern : person.concerns) concerns.push_back(std::string(concern_names.name(concern)));
  nlohmann::json conditions = nlohmann::json::array();
  for (const auto condition : person.conditions) conditions.push_back(std::string(condition_names.name(condition)));
  nlohmann::json json{{"scenario", {{"name", regimen.name}, {"start", iso(regimen.start)}, {"days", regimen.days}}},
                      {"person",
                       {{"fitzpatrick", person.fitzpatrick},
                        {"site", std::string(site_names.name(person.site))},
                        {"concerns", concerns},
                        {"sensitivity", std::string(sensitivity_names.name(person.sensitivity))},
                        {"pregnant", person.pregnant},
                        {"breastfeeding", person.breastfeeding},
                        {"conditions", conditions}}},
                      {"product", nlohmann::json::array()},
                      {"pause", nlohmann::json::array()},
                      {"session", nlohmann::json::array()}};
  if (!person.age_is_default) json["person"]["age_years"] = person.age_years;
  if (person.isotretinoin_last_dose) json["person"]["isotretinoin_last_dose"] = iso(*person.isotretinoin_last_dose);
  for (const Product& product : regimen.products) {
    nlohmann::json entry{{"id", product.id},
                         {"active", std::string(active_names.name(product.active))},
                         {"vehicle", std::string(vehicle_names.name(product.vehicle))},
                         {"amount_mg_per_cm2", product.amount_mg_per_cm2},
                         {"schedule", std::string(schedule_names.name(product.schedule))},
                         {"from", iso(product.from)}};
    if (product.strength_percent) entry["strength_percent"] = *product.strength_percent;
    if (product.until) entry["until"] = iso(*product.until);
    json["product"].push_back(entry);
  }
  for (const Pause& pause : regimen.pauses)
    json["pause"].push_back({{"products", pause.products}, {"from", iso(pause.from)}, {"until", iso(pause.until)}});
  for (const Session& session : regimen.sessions)
    json["session"].push_back({{"date", iso(session.date)},
                               {"device", std::string(device_names.name(session.device))},
                               {"needle_mm", session.needle_mm},
                               {"passes", session.passes},
                               {"occlusion_hours", session.occlusion_hours},
                               {"after", session.after}});
  return json;
}

}  // namespace dermasim::report
