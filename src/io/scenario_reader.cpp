#include "io/scenario_reader.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "io/input_kind.hpp"
#include "io/nearest_name.hpp"
#include "io/person_reader.hpp"
#include "io/toml_table.hpp"

namespace dermasim::io {

using namespace regimen;

namespace {

/// Where each product id was defined, for cross-reference messages.
using ProductPositions = std::map<std::string, SourcePosition, std::less<>>;

NumberRange strength_range(Active active) {
  // Marketed tretinoin goes up to 0.1 % (0.4 % in trials), cosmetic retinol up to about 1-2 %.
  if (active == Active::tretinoin)
    return {0.001, 0.4, "give the tretinoin strength in percent, e.g. strength_percent = 0.025"};
  return {0.001, 2.0, "give the strength in percent, e.g. strength_percent = 0.3"};
}

/// The catalogue loader refuses a catalogue without every face site and scenario active (and
/// their data); these checks keep a catalogue built any other way from failing later, in the
/// simulator, and point at the scenario's line instead.
void require_catalogue_active(const TomlTable& product, Active active, const Catalogue& catalogue) {
  const std::string_view name = active_names.name(active);
  const ActiveSpec* spec = catalogue.find_active(name);
  if (spec == nullptr)
    product.fail("active", fmt::format("active = \"{}\" has no entry in the catalogue (actives.toml); add its "
                                       "[[active]] block or name another active",
                                       name));
  if (const auto shortfall = shortfall_of(*spec))
    product.fail("active",
                 fmt::format("active = \"{}\" cannot be used with this catalogue: {}", name, shortfall->message));
}

void require_catalogue_site(const TomlTable& person, Site site, const Catalogue& catalogue) {
  const std::string_view name = site_names.name(site);
  if (catalogue.find_site(name) == nullptr)
    person.fail("site", fmt::format("site = \"{}\" has no entry in the catalogue (sites.toml); add its [[site]] "
                                    "block or name another site",
                                    name));
}

/// The isotretinoin rule counts months from the last dose taken, so that dose lies on or before
/// the scenario's start (a future date gave a warning about a negative number of days).
void require_past_isotretinoin_dose(const TomlTable& person, const Regimen& regimen) {
  const auto& last_dose = regimen.person.isotretinoin_last_dose;
  if (!last_dose || *last_dose <= regimen.start) return;
  person.fail("isotretinoin_last_dose",
              fmt::format("isotretinoin_last_dose = {} is after the scenario's start ({}); give the date of the "
                          "last dose taken, on or before the start. Someone still taking isotretinoin should not "
                          "be micro-needled: the isotretinoin-6-months rule counts from the last dose",
                          iso(*last_dose), iso(regimen.start)));
}

Product read_product(const TomlTable& table, const Catalogue& catalogue) {
  table.allow_only({"id", "active", "strength_percent", "vehicle", "amount_mg_per_cm2", "schedule", "from", "until"});
  Product product;
  product.id = table.string("id");
  if (product.id.empty()) table.fail("id", "id = \"\" is empty; give the product a short name, e.g. id = \"tret\"");
  product.active = table.choice("active", active_names);
  require_catalogue_active(table, product.active, catalogue);
  if (is_retinoid(product.active)) {
    if (!table.has("strength_percent"))
      table.fail_at(table.position(),
                    fmt::format("product \"{}\" ({}) needs strength_percent, e.g. strength_percent = 0.025", product.id,
                                active_names.name(product.active)));
    product.strength_percent = table.number("strength_percent", strength_range(product.active));
  } else {
    product.strength_percent = table.optional_number(
        "strength_percent", {0.0001, 100.0, "give the strength in percent, e.g. strength_percent = 15"});
  }
  product.vehicle = table.choice("vehicle", vehicle_names);
  if (auto amount = table.optional_number("amount_mg_per_cm2",
                                          {0.1, 10.0, "give the amount in mg per cm², e.g. amount_mg_per_cm2 = 2.0"})) {
    product.amount_mg_per_cm2 = *amount;
    product.amount_is_default = false;
  } else {
    product.amount_mg_per_cm2 = catalogue.vehicle(product.vehicle).default_amount_mg_per_cm2.value;
  }
  product.schedule = table.choice("schedule", schedule_names);
  product.from = table.date("from");
  product.until = table.optional_date("until");
  if (product.until && *product.until < product.from)
    table.fail("until", fmt::format("until = {} is before from = {}; the phase must end on or after it starts",
                                    iso(*product.until), iso(product.from)));
  return product;
}

Session read_session(const TomlTable& table, const Catalogue& catalogue) {
  table.allow_only({"date", "device", "needle_mm", "passes", "occlusion_hours", "after"});
  Session session;
  session.date = table.date("date");
  session.device = table.choice("device", device_names);
  session.needle_mm =
      table.number("needle_mm", {0.2, 3.0, "give the needle length in millimetres, e.g. needle_mm = 1.0"});
  if (auto passes = table.optional_integer("passes", {1, 50, "give a whole number of passes, e.g. passes = 4"})) {
    session.passes = *passes;
    session.passes_is_default = false;
  } else {
    session.passes = static_cast<int>(catalogue.device(session.device).default_passes.value);
  }
  session.occlusion_hours =
      table
          .optional_number("occlusion_hours",
                           {0.0, 72.0, "give the hours occluded after the session, e.g. occlusion_hours = 0"})
          .value_or(0.0);
  return session;
}

/// Checks that `id` names a defined product; the error lists the ids and the nearest one.
void require_product(const TomlTable& table, const PositionedString& id, const ProductPositions& products,
                     std::string_view key) {
  if (products.contains(id.value)) return;
  std::vector<std::string> ids;
  for (const auto& [name, position] : products) ids.push_back(name);
  const auto suggestion = nearest_name(id.value, ids);
  table.fail_at(id.position, fmt::format("{} names product \"{}\", which no [[product]] defines; {}", key, id.value,
                                         ids.empty()  ? std::string("define it in a [[product]] block")
                                         : suggestion ? fmt::format("did you mean \"{}\"?", *suggestion)
                                                      : "defined ids are " + join_alternatives(ids)));
}

/// docs/file-formats.md: phases of one active are ordered by `from` and must not overlap.
void require_separate_phases(const std::vector<Product>& products, const std::vector<TomlTable>& blocks) {
  for (std::size_t a = 0; a < products.size(); ++a) {
    for (std::size_t b = 0; b < products.size(); ++b) {
      const Product& earlier = products[a];
      const Product& later = products[b];
      if (a == b || earlier.active != later.active || later.from < earlier.from) continue;
      if (earlier.schedule == Schedule::after_session || later.schedule == Schedule::after_session) continue;
      if (later.from == earlier.from && b < a) continue;  // report each pair once
      const bool overlaps = !earlier.until || *earlier.until >= later.from;
      if (!overlaps) continue;
      blocks[b].fail(
          "from",
          fmt::format("product \"{}\" starts on {} while \"{}\" ({}) still runs {}; phases of one active must not "
                      "overlap: end \"{}\" with until = {} or start \"{}\" later",
                      later.id, iso(later.from), earlier.id, active_names.name(earlier.active),
                      earlier.until ? "until " + iso(*earlier.until) : std::string("with no until"), earlier.id,
                      iso(later.from - Days{1}), later.id));
    }
  }
}

/// The longest scenario, whether `days` gives it or the dates imply it.
constexpr int max_scenario_days = 3650;

/// The date that sets the derived length: the latest product `from` or `until` or session
/// `date` (default_days runs the scenario a while past it), with the block it was read from.
std::pair<const TomlTable*, std::string_view> latest_dated_key(const std::vector<TomlTable>& product_blocks,
                                                               const std::vector<TomlTable>& session_blocks) {
  std::pair<const TomlTable*, std::string_view> latest{nullptr, ""};
  std::optional<Date> latest_seen;
  const auto consider = [&](const TomlTable& block, std::string_view key) {
    if (!block.has(key)) return;
    const Date date = block.date(key);
    if (latest_seen && date <= *latest_seen) return;
    latest_seen = date;
    latest = {&block, key};
  };
  for (const auto& block : product_blocks) {
    consider(block, "from");
    consider(block, "until");
  }
  for (const auto& block : session_blocks) consider(block, "date");
  return latest;
}

/// Refuses a scenario whose days, given or derived, exceed max_scenario_days or run past
/// latest_date: outputs carry every day's date, and a bounded length bounds every run.
void check_length(const Regimen& regimen, const TomlTable& scenario, bool days_given,
                  const std::pair<const TomlTable*, std::string_view>& latest) {
  const int days_too_many = std::max(regimen.days - max_scenario_days, days_between(latest_date, regimen.last_day()));
  if (days_too_many <= 0) return;
  const std::string limits =
      fmt::format("a scenario lasts 1 .. {} days and ends by {}", max_scenario_days, iso(latest_date));
  if (days_given)
    scenario.fail("days", fmt::format("days = {} runs the scenario from start = {} to {}, but {}; give days = {} "
                                      "or fewer",
                                      regimen.days, iso(regimen.start), iso(regimen.last_day()), limits,
                                      regimen.days - days_too_many));
  const std::string derived = fmt::format(
      "without days in [scenario], the scenario runs from start = {} to {} "
      "({} days), but {}",
      iso(regimen.start), iso(regimen.last_day()), regimen.days, limits);
  const auto& [block, key] = latest;
  if (block == nullptr) scenario.fail("start", derived + "; give an earlier start");
  block->fail(key, fmt::format("{} = {} sets the scenario's length: {}; bring this date {} days closer to the start, "
                               "or give days = N in [scenario]",
                               key, iso(block->date(key)), derived, days_too_many));
}

/// The [[product]] blocks, each id once and none starting before the scenario.
void read_products(const TomlTable& root, const Catalogue& catalogue, Regimen& regimen,
                   ProductPositions& product_positions) {
  const std::vector<TomlTable> product_blocks = root.tables("product");
  for (const TomlTable& block : product_blocks) {
    Product product = read_product(block, catalogue);
    if (auto [entry, inserted] = product_positions.emplace(product.id, block.position_of("id")); !inserted)
      block.fail("id", fmt::format("product id \"{}\" is already used at line {}; give each block its own id",
                                   product.id, entry->second.line));
    if (product.from < regimen.start)
      block.fail("from", fmt::format("from = {} is before the scenario's start = {}; start the scenario "
                                     "earlier or the product later",
                                     iso(product.from), iso(regimen.start)));
    regimen.products.push_back(std::move(product));
  }
  require_separate_phases(regimen.products, product_blocks);
}

/// The [[pause]] blocks: products named by id, until on or after from.
void read_pauses(const TomlTable& root, const ProductPositions& product_positions, Regimen& regimen) {
  for (const TomlTable& block : root.tables("pause")) {
    block.allow_only({"products", "from", "until"});
    Pause pause;
    for (const auto& id : block.string_list("products")) {
      require_product(block, id, product_positions, "products");
      pause.products.push_back(id.value);
    }
    pause.from = block.date("from");
    pause.until = block.date("until");
    if (pause.until < pause.from)
      block.fail("until", fmt::format("until = {} is before from = {}; a pause must end on or after it starts",
                                      iso(pause.until), iso(pause.from)));
    regimen.pauses.push_back(std::move(pause));
  }
}

/// The most [[session]] blocks a scenario holds (docs/scenario-reference.md): a session a week
/// over the longest scenario, which bounds the work of every check and simulation.
constexpr std::size_t max_sessions = 520;

/// The [[session]] blocks, in date order, none before the scenario's start.
void read_sessions(const TomlTable& root, const Catalogue& catalogue, const ProductPositions& product_positions,
                   Regimen& regimen) {
  const std::vector<TomlTable> blocks = root.tables("session");
  if (blocks.size() > max_sessions)
    blocks[max_sessions].fail_at(
        blocks[max_sessions].position(),
        fmt::format("this is [[session]] number {} of {}; a scenario holds at most {} sessions (one a week for ten "
                    "years); split the scenario or remove sessions",
                    max_sessions + 1, blocks.size(), max_sessions));
  for (const TomlTable& block : blocks) {
    Session session = read_session(block, catalogue);
    if (block.has("after"))
      for (const auto& id : block.string_list("after")) {
        require_product(block, id, product_positions, "after");
        session.after.push_back(id.value);
      }
    if (session.date < regimen.start)
      block.fail("date",
                 fmt::format("date = {} is before the scenario's start = {}", iso(session.date), iso(regimen.start)));
    regimen.sessions.push_back(std::move(session));
  }
  std::ranges::stable_sort(regimen.sessions, {}, &Session::date);
}

/// The scenario's length: `days`, long enough for every session, or the default.
void read_days(const TomlTable& scenario, Regimen& regimen) {
  const auto days =
      scenario.optional_integer("days", {1, max_scenario_days, "give the scenario length in days, e.g. days = 120"});
  if (!days) {
    regimen.days = default_days(regimen);
    return;
  }
  regimen.days = *days;
  for (const Session& session : regimen.sessions) {
    if (session.date > regimen.last_day())
      scenario.fail("days", fmt::format("days = {} ends the scenario on {}, before the session on {}; "
                                        "give at least days = {}",
                                        *days, iso(regimen.last_day()), iso(session.date),
                                        days_between(regimen.start, session.date) + 1));
  }
}

}  // namespace

Regimen read_scenario(std::string_view text, const std::string& file_name, const Catalogue& catalogue) {
  const toml::table document = parse_toml(text, file_name);
  require_input_kind(document, file_name, InputKind::scenario);
  const TomlTable root(document, file_name, "the scenario file");
  root.allow_only({"scenario", "person", "product", "pause", "session"});

  Regimen regimen;
  const TomlTable scenario = root.table("scenario");
  scenario.allow_only({"name", "start", "days"});
  regimen.name = scenario.string("name");
  regimen.start = scenario.date("start");
  regimen.person = read_person(root.table("person"));
  require_catalogue_site(root.table("person"), regimen.person.site, catalogue);
  require_past_isotretinoin_dose(root.table("person"), regimen);
  ProductPositions product_positions;
  read_products(root, catalogue, regimen, product_positions);
  read_pauses(root, product_positions, regimen);
  read_sessions(root, catalogue, product_positions, regimen);
  read_days(scenario, regimen);
  check_length(regimen, scenario, scenario.has("days"),
               latest_dated_key(root.tables("product"), root.tables("session")));
  return regimen;
}

Regimen read_scenario_file(const std::string& path, const Catalogue& catalogue) {
  return read_scenario(read_input_file(path, InputKind::scenario), path, catalogue);
}

}  // namespace dermasim::io
