#include "plan/candidate_design.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace dermasim::plan {

using namespace regimen;

std::vector<double> strength_ladder(RetinoidChoice retinoid, const std::optional<double>& max_strength_percent) {
  // Marketed strengths: tretinoin 0.025, 0.05 and 0.1 % (the 0.01 % step of the titration
  // study PMID 2186793 is not a common product); cosmetic retinol 0.25, 0.5 and 1 %.
  std::vector<double> ladder = retinoid == RetinoidChoice::tretinoin ? std::vector{0.025, 0.05, 0.1}
                               : retinoid == RetinoidChoice::retinol ? std::vector{0.25, 0.5, 1.0}
                                                                     : std::vector<double>{};
  if (max_strength_percent) {
    std::erase_if(ladder, [&](double strength) { return strength > *max_strength_percent + 1e-12; });
    if (ladder.empty() && retinoid != RetinoidChoice::none) ladder.push_back(*max_strength_percent);
  }
  return ladder;
}

namespace {

/// A product with its vehicle's default amount, used from `from` (to `until`, when given).
void add_product(Regimen& regimen, const Catalogue& catalogue, std::string id, Active active,
                 std::optional<double> strength, Vehicle vehicle, Schedule schedule, Date from,
                 std::optional<Date> until) {
  Product product;
  product.id = std::move(id);
  product.active = active;
  product.strength_percent = strength;
  product.vehicle = vehicle;
  product.amount_mg_per_cm2 = catalogue.vehicle(vehicle).default_amount_mg_per_cm2.value;
  product.amount_is_default = true;
  product.schedule = schedule;
  product.from = from;
  product.until = until;
  regimen.products.push_back(std::move(product));
}

/// The retinoid ramp: the lowest strength at the start frequency, then nightly, then each higher
/// strength nightly, `step_days` per step (the search space keeps it at least the strength-ramp
/// rule's days). Returns the ids of the retinoid products, which the session pauses name.
std::vector<std::string> add_retinoid_ramp(Regimen& regimen, const Profile& profile, const CandidateDesign& design,
                                           const Catalogue& catalogue) {
  std::vector<std::string> retinoid_ids;
  const auto ladder = strength_ladder(design.retinoid, profile.goals.max_strength_percent);
  if (design.retinoid == RetinoidChoice::none || ladder.empty()) return retinoid_ids;
  const Active active = design.retinoid == RetinoidChoice::tretinoin ? Active::tretinoin : Active::retinol;
  const std::string prefix = design.retinoid == RetinoidChoice::tretinoin ? "tret" : "retinol";
  std::vector<std::pair<double, Schedule>> steps;
  if (design.start_schedule != Schedule::nightly) steps.emplace_back(ladder[0], design.start_schedule);
  const int rungs = std::clamp(design.strength_steps, 1, static_cast<int>(ladder.size()));
  for (int rung = 0; rung < rungs; ++rung)
    steps.emplace_back(ladder[static_cast<std::size_t>(rung)], Schedule::nightly);
  Date from = regimen.start;
  for (std::size_t step = 0; step < steps.size() && from <= regimen.last_day(); ++step) {
    const bool last = step + 1 == steps.size();
    const std::optional<Date> until = last ? std::nullopt : std::optional<Date>(from + Days{design.step_days - 1});
    retinoid_ids.push_back(fmt::format("{}-{}", prefix, step + 1));
    add_product(regimen, catalogue, retinoid_ids.back(), active, steps[step].first, Vehicle::cream, steps[step].second,
                from, until);
    from += Days{design.step_days};
  }
  return retinoid_ids;
}

/// The sessions, each with the pause of `retinoid_ids` around it.
void add_sessions(Regimen& regimen, const Profile& profile, const CandidateDesign& design, const Catalogue& catalogue,
                  const std::vector<std::string>& retinoid_ids) {
  const Date start = regimen.start;
  const Date end = regimen.last_day();
  for (int index = 0; index < design.n_sessions; ++index) {
    Session session;
    session.date = start + Days{design.first_session_day + index * design.spacing_days};
    if (session.date > end) break;
    session.device = profile.goals.setting == Setting::home ? Device::roller : Device::pen;
    session.needle_mm = design.needle_mm;
    session.passes = static_cast<int>(catalogue.device(session.device).default_passes.value);
    session.passes_is_default = true;
    session.after = {"ha-serum"};
    regimen.sessions.push_back(session);
    if (!retinoid_ids.empty()) {
      // Pause so that the last application is `washout_days` before and the first
      // `resume_days` after (docs/file-formats.md day counting: evening products).
      const Date from = std::max(start, session.date - Days{design.washout_days - 1});
      const Date until = std::min(end, session.date + Days{design.resume_days - 1});
      if (from <= until) regimen.pauses.push_back(Pause{retinoid_ids, from, until});
    }
  }
}

}  // namespace

Regimen build_regimen(const Profile& profile, const CandidateDesign& design, Date start, const Catalogue& catalogue) {
  Regimen regimen;
  regimen.name = fmt::format("dermasim plan: {}", describe(design, profile));
  regimen.start = start;
  regimen.days = profile.goals.horizon_days;
  regimen.person = profile.person;
  const auto retinoid_ids = add_retinoid_ramp(regimen, profile, design, catalogue);
  add_product(regimen, catalogue, "spf", Active::sunscreen, std::nullopt, Vehicle::lotion, Schedule::morning, start,
              std::nullopt);
  if (design.n_sessions > 0)
    add_product(regimen, catalogue, "ha-serum", Active::hyaluronic_acid, std::nullopt, Vehicle::serum,
                Schedule::after_session, start, std::nullopt);
  add_sessions(regimen, profile, design, catalogue, retinoid_ids);
  return regimen;
}

std::string describe(const CandidateDesign& design, const Profile& profile) {
  std::string text;
  const auto ladder = strength_ladder(design.retinoid, profile.goals.max_strength_percent);
  if (design.retinoid == RetinoidChoice::none || ladder.empty()) {
    text = "no retinoid";
  } else {
    const int rungs = std::clamp(design.strength_steps, 1, static_cast<int>(ladder.size()));
    text = fmt::format("{} {:g} % {} → {:g} % nightly ({} days a step)", retinoid_choice_names.name(design.retinoid),
                       ladder[0], schedule_names.name(design.start_schedule),
                       ladder[static_cast<std::size_t>(rungs - 1)], design.step_days);
  }
  if (design.n_sessions == 0) return text + "; no sessions";
  return text + fmt::format("; {} × {:g} mm {} session{} from day {}, {} days apart", design.n_sessions,
                            design.needle_mm, profile.goals.setting == Setting::home ? "roller" : "pen",
                            design.n_sessions == 1 ? "" : "s", design.first_session_day, design.spacing_days);
}

}  // namespace dermasim::plan
