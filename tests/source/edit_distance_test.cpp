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

// Suggestions are for typos: beyond kLongest bytes a word is equal or far,
// without the quadratic table.
TEST(EditDistance, LongWordsAreEqualOrFar) {
  const std::string longest(loge::kLongest, 'a');
  EXPECT_EQ(editDistance(longest, longest + "b"), loge::kLongest + 1);
  EXPECT_EQ(editDistance(longest.substr(1) + "b", longest), 1u); // within the limit: exact
  const std::string huge(100000, 'a');
  EXPECT_EQ(editDistance(huge, huge), 0u);
  EXPECT_EQ(editDistance(huge, huge + "b"), huge.size() + 1);
  EXPECT_EQ(editDistance("a", huge), huge.size());
}

} // namespace
