// read_names' policy on small files (tests/data/names/), and the dataset and split built from
// names, checked by hand.
#include "backprop/names.h"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "backprop/paths.h"
#include "catch.h"

namespace {

namespace fs = std::filesystem;
using Names = std::vector<std::string>;

const fs::path kNames = backprop::test_data_dir() / "names";

std::string error_of(const std::string& file) {
  try {
    backprop::read_names(kNames / file);
  } catch (const backprop::DataError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("names: LF, CRLF, blank lines and a missing final newline are accepted", "[names]") {
  CHECK(backprop::read_names(kNames / "crlf.txt") == Names{"emma", "olivia"});
  CHECK(backprop::read_names(kNames / "blank_lines.txt") == Names{"emma", "ava"});
  CHECK(backprop::read_names(kNames / "no_final_newline.txt") == Names{"emma", "ava"});
}

TEST_CASE("names: anything but a-z is rejected with its file, line, column and what it is", "[names]") {
  const std::string policy = "; names.txt holds lowercase a-z only";
  const std::string dir = kNames.string() + "/";
  CHECK(error_of("uppercase.txt") == dir + "uppercase.txt:2:1: uppercase 'O'" + policy);
  CHECK(error_of("digit.txt") == dir + "digit.txt:2:4: digit '2'" + policy);
  CHECK(error_of("accented_utf8.txt") == dir + "accented_utf8.txt:2:5: non-ASCII character U+00E9 '\xc3\xa9'" + policy);
  CHECK(error_of("latin1.txt") == dir + "latin1.txt:2:5: byte 0xe9, which is not UTF-8" + policy);
  CHECK(error_of("trailing_space.txt") == dir + "trailing_space.txt:2:4: a space" + policy);
  CHECK(error_of("lone_cr.txt") == dir + "lone_cr.txt:1:5: a carriage return not followed by a line feed" + policy);
}

TEST_CASE("names: a file without names is rejected", "[names]") {
  const std::string dir = kNames.string() + "/";
  CHECK(error_of("empty.txt") == dir + "empty.txt: the file is empty; expected one name per line");
  CHECK(error_of("only_blank_lines.txt") ==
        dir + "only_blank_lines.txt: every line is blank; expected one name per line");
  CHECK(error_of("absent.txt") == dir + "absent.txt: cannot open the file (names.txt, one name per line)");
  CHECK(error_of(".") == dir + ".: is a directory, not names.txt");
}

TEST_CASE("names: find_names takes --names, then $BACKPROP_NAMES, and a path given that is not a file is an error",
          "[names]") {
  // Sets $BACKPROP_NAMES for the test's duration and puts back what was there.
  struct Environment {
    std::optional<std::string> saved;
    Environment() {
      if (const char* value = std::getenv("BACKPROP_NAMES")) saved = value;
    }
    ~Environment() { saved ? setenv("BACKPROP_NAMES", saved->c_str(), 1) : unsetenv("BACKPROP_NAMES"); }
  } environment;
  const auto crlf = kNames / "crlf.txt", blank = kNames / "blank_lines.txt";
  setenv("BACKPROP_NAMES", blank.c_str(), 1);
  CHECK(backprop::find_names(crlf) == crlf);
  CHECK(backprop::find_names("") == blank);
  CHECK_THROWS_WITH(backprop::find_names("/no/such/names.txt"),
                    "/no/such/names.txt (from --names): no such file; expected names.txt");
  // A path given but missing fails the tests that read names.txt; only a file never fetched skips them.
  const auto not_found = [](const std::filesystem::path& flag) {
    try {
      backprop::find_names(flag);
    } catch (const backprop::NamesNotFound&) {
      return true;
    } catch (const backprop::DataError&) {
    }
    return false;
  };
  CHECK_FALSE(not_found("/no/such/names.txt"));
  setenv("BACKPROP_NAMES", kNames.c_str(), 1);  // a folder
  CHECK_FALSE(not_found(""));
  CHECK_THROWS_WITH(backprop::find_names(""),
                    Catch::Matchers::ContainsSubstring("(from the environment variable BACKPROP_NAMES)"));
}

TEST_CASE("names: the vocabulary is '.' then the sorted characters", "[names]") {
  const auto vocab = backprop::make_vocabulary({"emma", "ava"});
  CHECK(vocab.itos == ".aemv");
  CHECK(vocab.size() == 5);
  CHECK(vocab.stoi('.') == 0);
  CHECK(vocab.stoi('v') == 4);
  CHECK_THROWS_WITH(vocab.stoi('z'), "character 'z' is not in the vocabulary \".aemv\"");
  CHECK_THROWS_WITH(backprop::make_vocabulary({"e.mma"}), "the word \"e.mma\" holds '.', the vocabulary's end marker");
}

TEST_CASE("names: build_dataset's contexts and targets", "[names]") {
  const Names words{"emma", "ava"};
  const auto vocab = backprop::make_vocabulary(words);  // . a e m v -> 0 1 2 3 4
  const auto data = backprop::make_dataset(words, vocab, 3);
  backprop::IndexMatrix X(9, 3);
  X << 0, 0, 0, 0, 0, 2, 0, 2, 3, 2, 3, 3, 3, 3, 1,  // emma.
      0, 0, 0, 0, 0, 1, 0, 1, 4, 1, 4, 1;            // ava.
  backprop::IndexVector Y(9);
  Y << 2, 3, 3, 1, 0, 1, 4, 1, 0;
  CHECK(data.X == X);
  CHECK(data.Y == Y);

  const auto one = backprop::make_dataset(std::span(words).first(1), vocab, 1);
  CHECK(one.X == backprop::IndexMatrix{{0}, {2}, {3}, {3}, {1}});
  CHECK(one.Y == Y.head(5));
  CHECK_THROWS_WITH(backprop::make_dataset(words, vocab, 0), "block_size is 0; expected >= 1");
}

TEST_CASE("names: the split is random.seed(42), random.shuffle, then 80/10/10", "[names]") {
  // Word i is i + 1 letters long, so each split's row count tells which words it holds. CPython:
  // random.seed(42); random.shuffle(list(range(10))) gives [7, 3, 2, 8, 5, 6, 9, 4, 0, 1].
  Names words;
  for (int i = 0; i < 10; ++i) words.emplace_back(static_cast<std::size_t>(i + 1), 'a');
  const auto splits = backprop::make_splits(words, backprop::make_vocabulary(words), 2);
  CHECK(splits.train.X.rows() == (8 + 4 + 3 + 9 + 6 + 7 + 10 + 5) + 8);  // words 7 3 2 8 5 6 9 4
  CHECK(splits.val.X.rows() == 1 + 1);                                   // word 0
  CHECK(splits.test.X.rows() == 2 + 1);                                  // word 1
}
