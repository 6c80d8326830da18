#include "plan/alternatives.hpp"

#include <functional>
#include <set>

#include <fmt/format.h>

#include "core/error.hpp"

namespace dermasim::plan {

using regimen::RetinoidChoice;

PlanKind kind_of(const ScoredCandidate& candidate) {
  const std::size_t sessions = candidate.regimen.sessions.size();
  return {candidate.design.retinoid, sessions, sessions == 0 ? 0.0 : candidate.design.needle_mm};
}

std::vector<ScoredCandidate> choose_alternatives(const std::vector<const ScoredCandidate*>& ranked,
                                                 const ScoredCandidate& chosen, std::size_t count) {
  const PlanKind chosen_kind = kind_of(chosen);
  std::set<PlanKind> taken = {chosen_kind};
  std::vector<ScoredCandidate> alternatives;
  auto take_best = [&](const std::function<bool(const PlanKind&)>& wanted) {
    if (alternatives.size() == count) return;
    for (const auto* candidate : ranked) {
      const PlanKind kind = kind_of(*candidate);
      if (!wanted(kind) || taken.contains(kind)) continue;
      taken.insert(kind);
      alternatives.push_back(*candidate);
      return;
    }
  };
  take_best([&](const PlanKind& k) { return k.n_sessions > 0 && k.needle_mm != chosen_kind.needle_mm; });
  take_best([&](const PlanKind& k) { return k.n_sessions > 0 && k.n_sessions < chosen_kind.n_sessions; });
  take_best([&](const PlanKind& k) { return k.n_sessions == 0 && chosen_kind.n_sessions > 0; });
  take_best([&](const PlanKind& k) {
    return k.retinoid == RetinoidChoice::none && chosen_kind.retinoid != RetinoidChoice::none;
  });
  while (alternatives.size() < count) {
    const std::size_t before = alternatives.size();
    take_best([](const PlanKind&) { return true; });
    if (alternatives.size() == before) break;
  }
  return alternatives;
}

std::string trade_against(const ScoredCandidate& alternative, const ScoredCandidate& chosen) {
  if (!alternative.evaluation || !chosen.evaluation)
    throw InternalError("trade_against: a candidate without its evaluation");
  const auto& a = alternative.evaluation->outcomes;
  const auto& c = chosen.evaluation->outcomes;
  std::vector<std::string> parts;
  parts.push_back(fmt::format("{:+.1f} points of weighted improvement", alternative.objective - chosen.objective));
  parts.push_back(fmt::format("{:+.1f} % collagen", a.collagen_change_percent - c.collagen_change_percent));
  if (alternative.regimen.sessions.size() != chosen.regimen.sessions.size())
    parts.push_back(fmt::format("{} session(s) instead of {}", alternative.regimen.sessions.size(),
                                chosen.regimen.sessions.size()));
  parts.push_back(fmt::format("peak erythema {:.1f} instead of {:.1f}", a.peak_erythema, c.peak_erythema));
  parts.push_back(fmt::format("{} day(s) of erythema ≥ 2 instead of {}", a.days_erythema_ge_2, c.days_erythema_ge_2));
  std::string text;
  for (std::size_t index = 0; index < parts.size(); ++index) text += (index ? ", " : "") + parts[index];
  return text;
}

}  // namespace dermasim::plan
