// Property tests over thousands of generated scenarios (seeded, so failures reproduce):
// loading never crashes (valid or mutated text either loads or raises InputError), and the
// checker's washout and resumption findings agree with an independent re-computation of the
// day counting that docs/file-formats.md defines.

#include <random>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

#include "io/catalogue_reader.hpp"
#include "io/scenario_reader.hpp"
#include "regimen/protocol_check.hpp"

namespace dermasim::regimen {
namespace {

const Catalogue& catalogue() { return test_support::built_in_catalogue(); }

class ScenarioGenerator {
 public:
  explicit ScenarioGenerator(std::uint64_t seed) : random_(seed) {}

  std::string scenario() {
    const Date start = make_date(2026, 12, 1);
    std::string text = fmt::format("[scenario]\nname = \"generated\"\nstart = {}\n", iso(start));
    text += fmt::format(
        "[person]\nfitzpatrick = {}\nsite = \"{}\"\nconcerns = [\"texture\"]\n"
        "sensitivity = \"normal\"\npregnant = {}\nbreastfeeding = {}\n",
        uniform(1, 6), pick({"cheek", "forehead", "periorbital", "chin", "neck"}), chance(0.05), chance(0.05));
    std::vector<std::string> ids;
    for (const char* active : {"tretinoin", "retinol"}) {
      Date from = start + Days{uniform(0, 10)};
      const int phases = uniform(0, 3);
      for (int phase = 0; phase < phases; ++phase) {
        const std::string id = fmt::format("{}-{}", active, phase);
        const int length = uniform(5, 60);
        text += fmt::format(
            "[[product]]\nid = \"{}\"\nactive = \"{}\"\nstrength_percent = {}\n"
            "vehicle = \"cream\"\nschedule = \"{}\"\nfrom = {}\n",
            id, active, pick({"0.025", "0.05", "0.1"}),
            pick({"nightly", "every_other_night", "every_third_night", "twice_weekly", "morning", "twice_daily"}),
            iso(from));
        if (phase + 1 < phases || chance(0.5)) text += fmt::format("until = {}\n", iso(from + Days{length - 1}));
        ids.push_back(id);
        from += Days{length + uniform(0, 5)};
      }
    }
    if (chance(0.8)) {
      text += "[[product]]\nid = \"spf\"\nactive = \"sunscreen\"\nvehicle = \"lotion\"\nschedule = \"morning\"\n";
      text += fmt::format("from = {}\n", iso(start));
    }
    for (int pause = uniform(0, 3); pause > 0 && !ids.empty(); --pause) {
      const Date from = start + Days{uniform(0, 90)};
      text += fmt::format("[[pause]]\nproducts = [\"{}\"]\nfrom = {}\nuntil = {}\n",
                          ids[static_cast<std::size_t>(uniform(0, static_cast<int>(ids.size()) - 1))], iso(from),
                          iso(from + Days{uniform(0, 12)}));
    }
    for (int session = uniform(0, 3); session > 0; --session)
      text +=
          fmt::format("[[session]]\ndate = {}\ndevice = \"{}\"\nneedle_mm = {}\n", iso(start + Days{uniform(0, 100)}),
                      pick({"pen", "roller", "stamp"}), pick({"0.25", "0.5", "1.0", "1.5", "2.0"}));
    return text;
  }

  /// Deletes, duplicates or replaces a few characters: the result is usually invalid.
  std::string mutate(std::string text) {
    for (int edits = uniform(1, 4); edits > 0 && !text.empty(); --edits) {
      const auto at = static_cast<std::size_t>(uniform(0, static_cast<int>(text.size()) - 1));
      switch (uniform(0, 2)) {
        case 0:
          text.erase(at, 1);
          break;
        case 1:
          text.insert(at, 1, text[at]);
          break;
        default:
          text[at] = "=[]\"#\n.9-az\\{}"[uniform(0, 15)];
          break;
      }
    }
    return text;
  }

 private:
  int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(random_); }
  const char* pick(std::initializer_list<const char*> options) {
    return *(options.begin() + uniform(0, static_cast<int>(options.size()) - 1));
  }
  std::mt19937_64 random_;
};

// --- The independent re-computation: docs/file-formats.md's day counting, from the text. ---

bool applied_in_evening(const Product& p, Date day) {
  const int n = days_between(p.from, day);
  if (n < 0 || (p.until && day > *p.until)) return false;
  switch (p.schedule) {
    case Schedule::nightly:
    case Schedule::twice_daily:
      return true;
    case Schedule::every_other_night:
      return n % 2 == 0;
    case Schedule::every_third_night:
      return n % 3 == 0;
    case Schedule::twice_weekly:
      return n % 7 == 0 || n % 7 == 3;
    default:
      return false;
  }
}

bool applied_in_morning(const Product& p, Date day) {
  const int n = days_between(p.from, day);
  if (n < 0 || (p.until && day > *p.until)) return false;
  return p.schedule == Schedule::morning || p.schedule == Schedule::twice_daily;
}

using Expected = std::tuple<std::string, Date, std::string>;  // rule, date, subject

std::set<Expected> recompute_timing_findings(const Regimen& regimen) {
  const auto& rules = catalogue().rules;
  std::set<Expected> expected;
  auto on = [&](const Product& p, Date day, bool evening) {
    return day <= regimen.last_day() && !regimen.is_paused(p.id, day) &&
           (evening ? applied_in_evening(p, day) : applied_in_morning(p, day));
  };
  for (const Session& session : regimen.sessions) {
    for (const Active active : {Active::tretinoin, Active::retinol}) {
      // Last application before: walk back from the session's morning.
      std::optional<std::pair<Date, std::string>> last;
      for (Date day = session.date; day >= regimen.start && !last; day -= Days{1}) {
        for (const Product& p : regimen.products)  // the evening comes after the morning
          if (p.active == active && day < session.date && on(p, day, true)) last = {day, p.id};
        if (!last)
          for (const Product& p : regimen.products)
            if (p.active == active && on(p, day, false)) last = {day, p.id};
      }
      if (last) {
        const int before = days_between(last->first, session.date);
        if (active == Active::tretinoin && before < rules.tretinoin_washout.min_days)
          expected.emplace("tretinoin-washout", last->first, last->second);
        else if (active == Active::tretinoin && before < rules.tretinoin_washout_short.recommended_days)
          expected.emplace("tretinoin-washout-short", last->first, last->second);
        else if (active == Active::retinol && before < rules.retinol_washout.min_days)
          expected.emplace("retinol-washout", last->first, last->second);
      }
      // First application after: walk forward from the session's evening.
      std::optional<std::pair<Date, std::string>> first;
      for (Date day = session.date; day <= regimen.last_day() && !first; day += Days{1}) {
        for (const Product& p : regimen.products)
          if (p.active == active && day > session.date && on(p, day, false)) first = {day, p.id};
        if (!first)
          for (const Product& p : regimen.products)
            if (p.active == active && on(p, day, true)) first = {day, p.id};
      }
      if (first) {
        const int after = days_between(session.date, first->first);
        const ResumeRule& deep = rules.retinoid_resume_deep;
        if (after < rules.retinoid_resume.min_days)
          expected.emplace("retinoid-resume", first->first, first->second);
        else if (session.needle_mm >= deep.min_needle_mm && after < deep.min_days)
          expected.emplace("retinoid-resume-deep", first->first, first->second);
      }
    }
  }
  return expected;
}

std::set<Expected> timing_findings(const std::vector<Finding>& findings) {
  static const std::set<std::string> timing = {"tretinoin-washout", "tretinoin-washout-short", "retinol-washout",
                                               "retinoid-resume", "retinoid-resume-deep"};
  std::set<Expected> found;
  for (const Finding& finding : findings)
    if (timing.contains(finding.rule)) found.emplace(finding.rule, finding.date, finding.subject);
  return found;
}

TEST(ProtocolProperty, WashoutAndResumeFindingsMatchAnIndependentRecomputation) {
  ScenarioGenerator generator(20261125);
  int checked = 0;
  int with_timing_findings = 0;
  for (int index = 0; index < 3000; ++index) {
    const std::string text = generator.scenario();
    Regimen regimen;
    try {
      regimen = io::read_scenario(text, "generated.toml", catalogue());
    } catch (const InputError&) {
      continue;  // e.g. overlapping phases when a phase has no `until`
    }
    const auto found = timing_findings(check_protocol(regimen, catalogue().rules));
    const auto expected = recompute_timing_findings(regimen);
    ASSERT_EQ(found, expected) << "scenario " << index << ":\n" << text;
    ++checked;
    if (!found.empty()) ++with_timing_findings;
  }
  EXPECT_GT(checked, 1500);              // the generator mostly makes valid scenarios
  EXPECT_GT(with_timing_findings, 300);  // and many of them exercise the rules
}

TEST(ProtocolProperty, LoadingNeverCrashesOnMutatedScenarios) {
  ScenarioGenerator generator(7);
  int rejected = 0;
  for (int index = 0; index < 3000; ++index) {
    const std::string text = generator.mutate(generator.scenario());
    try {
      const Regimen regimen = io::read_scenario(text, "mutated.toml", catalogue());
      (void)check_protocol(regimen, catalogue().rules);
    } catch (const InputError& error) {
      ++rejected;
      EXPECT_NE(std::string(error.what()).find("mutated.toml:"), std::string::npos) << error.what();
    }
  }
  EXPECT_GT(rejected, 500);
}

TEST(ProtocolProperty, EveryFindingIsSortedSourcedAndInsideTheScenario) {
  ScenarioGenerator generator(99);
  for (int index = 0; index < 1000; ++index) {
    Regimen regimen;
    try {
      regimen = io::read_scenario(generator.scenario(), "generated.toml", catalogue());
    } catch (const InputError&) {
      continue;
    }
    const auto findings = check_protocol(regimen, catalogue().rules);
    for (std::size_t at = 0; at < findings.size(); ++at) {
      EXPECT_FALSE(findings[at].source.empty());
      EXPECT_FALSE(findings[at].message.empty());
      if (findings[at].until) {
        EXPECT_GT(*findings[at].until, findings[at].date);
      }
      if (at > 0) {
        EXPECT_LE(findings[at - 1].date, findings[at].date);
      }
    }
  }
}

}  // namespace
}  // namespace dermasim::regimen
