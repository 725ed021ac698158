// Whole files read and written (backprop/files.h): the bytes come back as they went, and a file that
// cannot be read or written is named in the error.
#include "backprop/files.h"

#include <string>

#include "catch.h"
#include "scratch_dir.h"

namespace {

using Catch::Matchers::ContainsSubstring;

TEST_CASE("files: text written is read back byte for byte, and writing replaces it", "[files]") {
  const ScratchDir scratch;
  const auto file = scratch.path / "a.txt";
  const std::string bytes("line\r\nsecond\0third\n", 19);
  backprop::write_text(file, bytes);
  CHECK(backprop::read_text(file) == bytes);
  backprop::write_text(file, "short");
  CHECK(backprop::read_text(file) == "short");
  backprop::write_text(file, "");
  CHECK(backprop::read_text(file).empty());
}

TEST_CASE("files: a file that cannot be read or written is named", "[files]") {
  const ScratchDir scratch;
  const auto missing = scratch.path / "missing.txt";
  CHECK_THROWS_WITH(backprop::read_text(missing), ContainsSubstring("missing.txt: cannot read"));
  CHECK_THROWS_WITH(backprop::read_text(scratch.path), ContainsSubstring(": cannot read"));
  CHECK_THROWS_WITH(backprop::write_text(scratch.path / "no" / "folder.txt", "x"),
                    ContainsSubstring("folder.txt: cannot write"));
}

}  // namespace
