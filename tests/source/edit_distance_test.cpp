// The edit distance behind the "vouliez-vous dire" suggestions.
#include "loge/source/edit_distance.h"

#include <gtest/gtest.h>

namespace {

using loge::editDistance;

TEST(EditDistance, InsertionsDeletionsSubstitutions) {
  EXPECT_EQ(editDistance("", ""), 0u);
  EXPECT_EQ(editDistance("critere", "critere"), 0u);
  EXPECT_EQ(editDistance("", "abc"), 3u);
  EXPECT_EQ(editDistance("abc", ""), 3u);
  EXPECT_EQ(editDistance("nb_enfant", "nb_enfants"), 1u); // insertion
  EXPECT_EQ(editDistance("regle", "regles"), 1u);
  EXPECT_EQ(editDistance("plafnd", "plafond"), 1u);
  EXPECT_EQ(editDistance("plancher", "plancer"), 1u); // deletion
  EXPECT_EQ(editDistance("kitten", "sitting"), 3u);   // the textbook case
  EXPECT_EQ(editDistance("sitting", "kitten"), 3u);   // symmetric
  EXPECT_EQ(editDistance("revenu", "ressources"), 7u);
}

} // namespace
