#include "report/catalogue_notice.hpp"

#include <gtest/gtest.h>

#include "built_in_catalogue.hpp"

namespace dermasim::report {
namespace {

regimen::Catalogue edited_rules() {
  regimen::Catalogue catalogue = test_support::built_in_catalogue();
  catalogue.origin = {"clinic-data", {"clinic-data/rules.toml", "clinic-data/sites.toml"}, true};
  catalogue.rules.sunscreen.enabled = false;
  catalogue.rules.sunscreen.disabled_reason = "own sun advice";
  catalogue.rules.tretinoin_washout.weakened_reason = "clinic protocol";
  return catalogue;
}

TEST(CatalogueNotice, BuiltInCataloguesAddNothingToReportsAndSayBuiltInInJson) {
  const auto& catalogue = test_support::built_in_catalogue();

  EXPECT_EQ(catalogue_notice_text(catalogue), "");
  EXPECT_EQ(with_catalogue_notice_html("<h1>x</h1>\n<p>", catalogue), "<h1>x</h1>\n<p>");
  const auto json = catalogue_json(catalogue);
  EXPECT_TRUE(json["data_directory"].is_null());
  EXPECT_TRUE(json["edited"].empty());
  EXPECT_FALSE(json["rules_edited"].get<bool>());
}

TEST(CatalogueNotice, NamesEveryEditedFileAndBannersChangedRules) {
  const auto catalogue = edited_rules();

  const std::string text = catalogue_notice_text(catalogue);
  const std::string html = with_catalogue_notice_html("<html><body>\n<h1>x</h1>\n<p>rest</p>", catalogue);
  const auto json = catalogue_json(catalogue);

  EXPECT_EQ(text.rfind("PROTOCOL RULES CHANGED", 0), 0u) << text;
  EXPECT_NE(text.find("Switched off: sunscreen (own sun advice)"), std::string::npos) << text;
  EXPECT_NE(text.find("Weakened: tretinoin-washout (clinic protocol)"), std::string::npos) << text;
  EXPECT_NE(text.find("clinic-data/rules.toml, clinic-data/sites.toml"), std::string::npos) << text;
  EXPECT_LT(html.find("</h1>"), html.find("PROTOCOL RULES CHANGED")) << html;
  EXPECT_LT(html.find("clinic-data/sites.toml"), html.find("<p>rest</p>")) << html;
  EXPECT_EQ(json["edited"].size(), 2u);
  EXPECT_EQ(json["rules_switched_off"][0]["rule"], "sunscreen");
  EXPECT_EQ(json["rules_weakened"][0]["reason"], "clinic protocol");
}

TEST(CatalogueNotice, NamesEditedFilesWithoutABannerWhenTheRulesAreBuiltIn) {
  regimen::Catalogue catalogue = test_support::built_in_catalogue();
  catalogue.origin = {"d", {"d/sites.toml"}, false};

  const std::string text = catalogue_notice_text(catalogue);

  EXPECT_EQ(text.find("PROTOCOL RULES CHANGED"), std::string::npos) << text;
  EXPECT_NE(text.find("d/sites.toml"), std::string::npos) << text;
}

}  // namespace
}  // namespace dermasim::report
