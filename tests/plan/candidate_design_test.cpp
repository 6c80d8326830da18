#include "plan/candidate_design.hpp"

#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

#include "io/catalogue_reader.hpp"
#include "plan_test_inputs.hpp"
#include "regimen/protocol_check.hpp"

namespace dermasim::plan {
namespace {

using namespace regimen;

const Catalogue& catalogue() { return test_support::built_in_catalogue(); }

Profile cheek_profile() { return testing::cheek_acne_scar_profile(180, RetinoidChoice::tretinoin); }

TEST(CandidateDesign, TheLadderClimbsMarketedStrengthsUpToTheProfilesMaximum) {
  EXPECT_EQ(strength_ladder(RetinoidChoice::tretinoin, std::nullopt), (std::vector{0.025, 0.05, 0.1}));
  EXPECT_EQ(strength_ladder(RetinoidChoice::tretinoin, 0.05), (std::vector{0.025, 0.05}));
  EXPECT_EQ(strength_ladder(RetinoidChoice::retinol, 0.3), (std::vector{0.25}));
  EXPECT_EQ(strength_ladder(RetinoidChoice::tretinoin, 0.01), std::vector{0.01});
  EXPECT_TRUE(strength_ladder(RetinoidChoice::none, std::nullopt).empty());
}

TEST(CandidateDesign, BuildsARampWithWashoutAndResumeThatTheCheckerAccepts) {
  CandidateDesign design;
  design.retinoid = RetinoidChoice::tretinoin;
  design.strength_steps = 3;
  design.n_sessions = 3;
  design.needle_mm = 1.0;
  design.first_session_day = 56;
  design.spacing_days = 28;
  design.step_days = 28;
  design.washout_days = 7;
  design.resume_days = 3;

  const Regimen regimen = build_regimen(cheek_profile(), design, make_date(2027, 1, 4), catalogue());

  EXPECT_EQ(regimen.days, 180);
  ASSERT_EQ(regimen.sessions.size(), 3u);
  EXPECT_EQ(regimen.sessions[0].date, make_date(2027, 3, 1));
  EXPECT_EQ(regimen.pauses.size(), 3u);
  EXPECT_EQ(regimen.pauses[0].from, make_date(2027, 2, 23));  // last application Feb 22: 7 days before
  EXPECT_EQ(regimen.pauses[0].until, make_date(2027, 3, 3));  // first application Mar 4: 3 days after
  EXPECT_TRUE(check_protocol(regimen, catalogue().rules).empty());
}

TEST(CandidateDesign, AHomePlanUsesARoller) {
  Profile profile = cheek_profile();
  profile.goals.setting = Setting::home;
  CandidateDesign design;
  design.n_sessions = 1;
  design.needle_mm = 0.25;

  const Regimen regimen = build_regimen(profile, design, make_date(2027, 1, 4), catalogue());

  ASSERT_EQ(regimen.sessions.size(), 1u);
  EXPECT_EQ(regimen.sessions[0].device, Device::roller);
}

}  // namespace
}  // namespace dermasim::plan
