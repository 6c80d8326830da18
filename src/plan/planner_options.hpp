#pragma once
// How hard the planner searches: threads, the simulation budget, the needle lengths it tries
// and how many finalists a robust evaluator re-judges. Search settings, not safety limits:
// every limit comes from the rules table and the profile.

#include <vector>

namespace dermasim::plan {

struct PlannerOptions {
  int threads = 2;
  int robust_finalists = 8;   // with a robust evaluator: how many of the best are re-judged
  int max_evaluations = 400;  // simulations, not rule checks
  int max_alternatives = 4;   // runners-up in the report, each of another kind
  std::vector<double> needle_options_mm = {0.25, 0.5, 0.75, 1.0, 1.5, 2.0};
};

}  // namespace dermasim::plan
