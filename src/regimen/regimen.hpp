#pragma once
// A scenario's regimen (docs/file-formats.md, "Scenario"): the person, the product phases, the
// pauses and the sessions over the days start … start + days − 1. Built by io/, read by check and
// simulate.

#include <optional>
#include <string>
#include <vector>

#include "regimen/person.hpp"
#include "regimen/product.hpp"
#include "regimen/session.hpp"

namespace dermasim::regimen {

/// Product ids not applied on the days from … until (inclusive).
struct Pause {
  std::vector<std::string> products;
  Date from;
  Date until;
};

struct Regimen {
  std::string name;
  Date start;
  int days = 0;
  Person person;
  std::vector<Product> products;
  std::vector<Pause> pauses;
  std::vector<Session> sessions;  // sorted by date

  [[nodiscard]] Date last_day() const { return start + Days{days - 1}; }
  [[nodiscard]] const Product* find_product(std::string_view id) const;
  [[nodiscard]] bool is_paused(std::string_view product_id, Date date) const;
};

/// The default scenario length: up to 60 days after the latest session, `from` or `until`.
[[nodiscard]] int default_days(const Regimen& regimen);

}  // namespace dermasim::regimen
