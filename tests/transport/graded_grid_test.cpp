#include "transport/graded_grid.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace dermasim::transport {
namespace {

TEST(GradedGrid, FillsTheSegmentExactlyWithFinestCellsAtBothEnds) {
  const Grading grading{.first_cell = 0.5, .growth = 1.3, .largest_cell = 0.0, .min_cells = 2};

  const auto faces = graded_segment(10.0, 60.0, grading);

  EXPECT_DOUBLE_EQ(faces.front(), 10.0);
  EXPECT_DOUBLE_EQ(faces.back(), 60.0);
  const double first = faces[1] - faces[0];
  const double last = faces[faces.size() - 1] - faces[faces.size() - 2];
  EXPECT_LE(first, 0.5 + 1e-12);
  EXPECT_NEAR(first, last, 1e-12);
  for (std::size_t k = 0; k + 1 < faces.size(); ++k) EXPECT_LT(faces[k], faces[k + 1]);
}

TEST(GradedGrid, NoCellExceedsTheLargestCellAndGrowthStaysBounded) {
  const Grading grading{.first_cell = 0.1, .growth = 1.2, .largest_cell = 2.0, .min_cells = 1};

  const auto faces = graded_segment(0.0, 100.0, grading);

  for (std::size_t k = 0; k + 2 < faces.size(); ++k) {
    const double h0 = faces[k + 1] - faces[k];
    const double h1 = faces[k + 2] - faces[k + 1];
    EXPECT_LE(h1, 2.0 + 1e-12);
    EXPECT_LE(std::max(h0 / h1, h1 / h0), 1.2 + 1e-9);
  }
}

TEST(GradedGrid, OneSidedRefinementPutsTheFinestCellAtTheChosenEnd) {
  const Grading grading{.first_cell = 0.2, .growth = 1.25, .largest_cell = 0.0, .min_cells = 1, .refine = Refine::end};

  const auto faces = graded_segment(0.0, 20.0, grading);

  EXPECT_LE(faces.back() - faces[faces.size() - 2], 0.2 + 1e-12);
  EXPECT_GT(faces[1] - faces[0], 1.0);
}

TEST(GradedGrid, RejectsAnEmptySegment) {
  EXPECT_THROW((void)graded_segment(1.0, 1.0, Grading{.first_cell = 0.1}), InternalError);
}

}  // namespace
}  // namespace dermasim::transport
