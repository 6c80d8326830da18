#pragma once
// Runners-up of another kind than the chosen plan (docs/planner.md): another depth, fewer
// sessions, no sessions, no retinoid — each the best feasible plan of its kind, distinct from
// the chosen plan and from each other, with what it trades against the chosen one.

#include <cstddef>
#include <string>
#include <vector>

#include "plan/candidate_pool.hpp"

namespace dermasim::plan {

/// What makes two plans different in kind: the retinoid, how many sessions really take place
/// and at what depth (0 mm without sessions).
struct PlanKind {
  regimen::RetinoidChoice retinoid = regimen::RetinoidChoice::none;
  std::size_t n_sessions = 0;
  double needle_mm = 0.0;

  friend auto operator<=>(const PlanKind&, const PlanKind&) = default;
};

[[nodiscard]] PlanKind kind_of(const ScoredCandidate& candidate);

/// Up to `count` alternatives from `ranked` (best first): first the best of each kind the
/// person would ask about (another depth, fewer sessions, no sessions, no retinoid), then the
/// best of any other kind. None has the chosen plan's kind; no two share a kind.
[[nodiscard]] std::vector<ScoredCandidate> choose_alternatives(const std::vector<const ScoredCandidate*>& ranked,
                                                               const ScoredCandidate& chosen, std::size_t count);

/// What an alternative trades against the chosen plan, in words ("+3.2 % collagen, …").
[[nodiscard]] std::string trade_against(const ScoredCandidate& alternative, const ScoredCandidate& chosen);

}  // namespace dermasim::plan
