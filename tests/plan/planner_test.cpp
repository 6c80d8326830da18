#include "plan/planner.hpp"

#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

#include "io/catalogue_reader.hpp"
#include "plan_test_inputs.hpp"
#include "regimen/protocol_check.hpp"
#include "synthetic_evaluator.hpp"

namespace dermasim::plan {
namespace {

using namespace regimen;

const Catalogue& catalogue() { return test_support::built_in_catalogue(); }

Profile scar_profile() {
  Profile profile = testing::cheek_acne_scar_profile(120, RetinoidChoice::none);
  profile.goals.max_sessions = 2;
  return profile;
}

const Date start = make_date(2027, 1, 4);

/// The best feasible design by brute force over the planner's grid (small case): every needle,
/// count and first day, spacing from the rule's minimum for the depth up to four weeks more,
/// resume from the rules' minimum up to four days more.
double enumerated_optimum(const Profile& profile, const PlannerOptions& options) {
  const RuleTable& rules = catalogue().rules;
  double best = -1.0;
  for (const double needle : options.needle_options_mm)
    for (int count = 0; count <= profile.goals.max_sessions.value_or(0); ++count)
      for (const int first : {14, 28, 42, 56})
        for (const int extra_spacing : {0, 7, 14, 28})
          for (const int extra_resume : {0, 2, 4}) {
            const int spacing = rules.session_spacing.min_days_for(needle) + extra_spacing;
            const int resume = rules.min_resume_days(needle) + extra_resume;
            CandidateDesign design;
            design.n_sessions = count;
            design.needle_mm = needle;
            design.first_session_day = first;
            design.spacing_days = spacing;
            design.resume_days = resume;
            const Regimen regimen = build_regimen(profile, design, start, catalogue());
            if (blocking_finding(profile, rules, check_protocol(regimen, rules))) continue;
            const auto evaluation = testing::synthetic_evaluation(regimen);
            if (!limit_breaches(profile, rules, evaluation.outcomes).empty()) continue;
            best = std::max(best, objective(profile, evaluation.outcomes));
          }
  return best;
}

TEST(Planner, FindsTheEnumeratedOptimumOfASmallCase) {
  for (const std::optional<double> max_erythema : {std::optional<double>{}, std::optional<double>{1.7}}) {
    Profile profile = scar_profile();
    profile.goals.max_erythema = max_erythema;
    PlannerOptions options;

    const auto outcome = plan_regimen(profile, start, catalogue(), testing::synthetic_evaluation, options);

    ASSERT_TRUE(outcome.plan.has_value());
    EXPECT_NEAR(outcome.plan->chosen.objective, enumerated_optimum(profile, options), 1e-9);
  }
}

TEST(Planner, NamesTheLimitThatBoundTheChoice) {
  Profile profile = scar_profile();
  profile.goals.max_erythema = 1.7;  // the synthetic model reddens 1.6 per mm: 1.0 mm passes, 1.5 does not

  const auto outcome = plan_regimen(profile, start, catalogue(), testing::synthetic_evaluation);

  ASSERT_TRUE(outcome.plan.has_value());
  EXPECT_LE(outcome.plan->chosen.evaluation->outcomes.peak_erythema, 1.7);
  const auto& binding = outcome.plan->binding_constraints;
  EXPECT_TRUE(
      std::ranges::any_of(binding, [](const LimitBreach& b) { return b.name == "max_erythema" && b.value > 1.7; }));
}

TEST(Planner, IsDeterministicWhateverTheThreadCount) {
  Profile profile = scar_profile();
  profile.goals.retinoid = RetinoidChoice::tretinoin;
  PlannerOptions one_thread;
  one_thread.threads = 1;
  PlannerOptions two_threads;
  two_threads.threads = 2;

  const auto a = plan_regimen(profile, start, catalogue(), testing::synthetic_evaluation, one_thread);
  const auto b = plan_regimen(profile, start, catalogue(), testing::synthetic_evaluation, two_threads);

  ASSERT_TRUE(a.plan && b.plan);
  EXPECT_EQ(a.plan->chosen.design, b.plan->chosen.design);
  EXPECT_EQ(a.plan->n_evaluated, b.plan->n_evaluated);
}

TEST(Planner, ARobustEvaluatorRejudgesTheFinalistsObjectiveAndLimits) {
  Profile profile = scar_profile();
  profile.goals.max_erythema = 2.5;
  // The "90th percentile person" reddens 40 % more: 1.5 mm (2.4 for the median) breaks the limit.
  const Evaluator pessimistic = [](const Regimen& regimen) {
    Evaluation evaluation = testing::synthetic_evaluation(regimen);
    evaluation.outcomes.peak_erythema *= 1.4;
    return evaluation;
  };

  const auto median = plan_regimen(profile, start, catalogue(), testing::synthetic_evaluation);
  const auto robust = plan_regimen(profile, start, catalogue(), testing::synthetic_evaluation, {}, &pessimistic);

  ASSERT_TRUE(median.plan && robust.plan);
  EXPECT_GT(median.plan->chosen.design.needle_mm, robust.plan->chosen.design.needle_mm);
  EXPECT_LE(robust.plan->chosen.evaluation->outcomes.peak_erythema, 2.5);
  EXPECT_NEAR(robust.plan->chosen.evaluation->outcomes.peak_erythema,
              1.4 * testing::synthetic_evaluation(robust.plan->chosen.regimen).outcomes.peak_erythema, 1e-12);
}

TEST(Planner, GivesNoPlanWithAnActiveInfection) {
  Profile profile = scar_profile();
  profile.person.conditions = {Condition::active_infection};

  const auto outcome = plan_regimen(profile, start, catalogue(), testing::synthetic_evaluation);

  EXPECT_FALSE(outcome.plan.has_value());
  ASSERT_FALSE(outcome.contraindications.empty());
  EXPECT_EQ(outcome.contraindications[0].rule, "session-contraindication");
}

TEST(Planner, GivesNoTretinoinInPregnancyAndSaysWhy) {
  Profile profile = scar_profile();
  profile.goals.retinoid = RetinoidChoice::tretinoin;
  profile.person.pregnant = true;

  const auto outcome = plan_regimen(profile, start, catalogue(), testing::synthetic_evaluation);

  ASSERT_TRUE(outcome.plan.has_value());
  EXPECT_EQ(outcome.plan->chosen.design.retinoid, RetinoidChoice::none);
  EXPECT_TRUE(outcome.plan->chosen.regimen.sessions.empty());  // pregnancy-session is a warning, not accepted
  EXPECT_FALSE(outcome.plan->explanations.empty());
}

TEST(Planner, WaitsSixMonthsAfterIsotretinoinUnlessTheWarningIsAccepted) {
  Profile profile = scar_profile();
  profile.goals.horizon_days = 240;
  profile.person.isotretinoin_last_dose = make_date(2026, 11, 1);
  Profile accepting = profile;
  accepting.goals.accept_warnings = {"isotretinoin-6-months"};

  const auto waiting = plan_regimen(profile, start, catalogue(), testing::synthetic_evaluation);
  const auto accepted = plan_regimen(accepting, start, catalogue(), testing::synthetic_evaluation);

  ASSERT_TRUE(waiting.plan && accepted.plan);
  ASSERT_FALSE(waiting.plan->chosen.regimen.sessions.empty());
  EXPECT_GE(waiting.plan->chosen.regimen.sessions.front().date, make_date(2026, 11, 1) + Days{183});
  ASSERT_FALSE(accepted.plan->chosen.regimen.sessions.empty());
  EXPECT_LT(accepted.plan->chosen.regimen.sessions.front().date, make_date(2026, 11, 1) + Days{183});
  EXPECT_TRUE(std::ranges::any_of(accepted.plan->chosen.findings,
                                  [](const Finding& f) { return f.rule == "isotretinoin-6-months"; }));
}

TEST(Feasibility, ThePihLimitAndTheSkinTypesItCoversComeFromThePihDeepNeedlesRule) {
  Profile profile = testing::cheek_acne_scar_profile(120, RetinoidChoice::none);
  profile.person.fitzpatrick = 5;
  response::ResponseOutcomes outcomes;
  outcomes.pih_risk = 0.10;
  RuleTable rules = catalogue().rules;
  EXPECT_TRUE(limit_breaches(profile, rules, outcomes).empty());  // below the built-in 0.14

  rules.pih_deep_needles.max_planned_pih_risk = 0.05;
  const auto breaches = limit_breaches(profile, rules, outcomes);
  ASSERT_EQ(breaches.size(), 1u);
  EXPECT_EQ(breaches[0].name, "max_pih_risk");
  EXPECT_DOUBLE_EQ(breaches[0].limit, 0.05);

  rules.pih_deep_needles.min_fitzpatrick = 6;
  EXPECT_TRUE(limit_breaches(profile, rules, outcomes).empty());
}

}  // namespace
}  // namespace dermasim::plan
