#pragma once
// A GoogleTest fixture for the response tests (kept apart from response_test_support.hpp, which
// the benchmarks include too).

#include <gtest/gtest.h>

#include "response_test_support.hpp"

namespace dermasim::response::testing {

/// A fixture with a fresh, editable copy of the committed parameters and an average person.
class ResponseFixture : public ::testing::Test {
 protected:
  ResponseParameters parameters = load_response_parameters();
  PersonTraits person;
};

}  // namespace dermasim::response::testing
