// The .npy reader: round trips, and a clear error for every way a file can be wrong.
#include "backprop/npy.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "catch.h"
#include "npy_bytes.h"
#include "scratch_dir.h"

namespace {

namespace fs = std::filesystem;
using backprop::npy::Error;
using npy_bytes::floats;
using npy_bytes::header;

std::string error_of(const std::string& bytes) {
  try {
    backprop::npy::parse(bytes, "t.npy");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("npy: a written file reads back with its shape and values", "[npy]") {
  const ScratchDir scratch;
  const auto& dir = scratch.path;
  const std::vector<std::int64_t> shape{2, 3};
  const std::vector<float> values{1, 2, 3, 4, 5, 6.5f};
  backprop::npy::write(dir / "m.npy", shape, values);
  const auto m = backprop::npy::read(dir / "m.npy");
  CHECK(m.dtype == backprop::npy::DType::float32);
  CHECK(m.shape == shape);
  CHECK(m.f32 == values);

  const std::vector<std::int64_t> labels{3, 1, 4, 1, 5};
  backprop::npy::write(dir / "y.npy", std::vector<std::int64_t>{5}, labels);
  CHECK(backprop::npy::read(dir / "y.npy").i64 == labels);

  backprop::npy::write(dir / "empty.npy", std::vector<std::int64_t>{0, 4}, std::vector<float>{});
  CHECK(backprop::npy::read(dir / "empty.npy").shape == std::vector<std::int64_t>{0, 4});
}

TEST_CASE("npy: shapes print as PyTorch prints them", "[npy]") {
  CHECK(backprop::npy::shape_string(std::vector<std::int64_t>{32, 27}) == "(32, 27)");
  CHECK(backprop::npy::shape_string(std::vector<std::int64_t>{64}) == "(64,)");
  CHECK(backprop::npy::shape_string(std::vector<std::int64_t>{}) == "()");
}

TEST_CASE("npy: every malformed file is rejected with what is wrong", "[npy]") {
  const std::string good = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
  CHECK(error_of(header(good) + floats(6)) == "no error");
  CHECK_THAT(error_of("PK\x03\x04 not numpy"), Catch::Matchers::ContainsSubstring("t.npy: not a .npy file"));
  CHECK_THAT(error_of(header(good, 7) + floats(6)), Catch::Matchers::ContainsSubstring("version 7 is not supported"));
  CHECK_THAT(error_of(header("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }") + floats(12)),
             Catch::Matchers::ContainsSubstring("dtype '<f8' is not supported"));
  CHECK_THAT(error_of(header("{'descr': '>f4', 'fortran_order': False, 'shape': (2, 3), }") + floats(6)),
             Catch::Matchers::ContainsSubstring("dtype '>f4' is not supported"));
  CHECK_THAT(error_of(header("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }") + floats(6)),
             Catch::Matchers::ContainsSubstring("Fortran order"));
  CHECK_THAT(error_of(header(good) + floats(5)), Catch::Matchers::ContainsSubstring("truncated"));
  CHECK_THAT(error_of(header(good) + floats(7)),
             Catch::Matchers::ContainsSubstring("needs 24 bytes of data but the file has 28"));
  CHECK_THAT(error_of(header(good).substr(0, 40)), Catch::Matchers::ContainsSubstring("header says it is"));
  CHECK_THAT(error_of(header("{'descr': '<f4', 'fortran_order': False, 'shape': (4000000000, 4000000000), }")),
             Catch::Matchers::ContainsSubstring("too large"));
  CHECK_THAT(error_of(header("{'descr': '<f4', 'fortran_order': False, 'shape': (2, x), }")),
             Catch::Matchers::ContainsSubstring("whole numbers"));
  CHECK_THAT(error_of(header("{'descr': '<f4', 'shape': (2, 3), }") + floats(6)),
             Catch::Matchers::ContainsSubstring("no 'fortran_order' entry"));
}

TEST_CASE("npy: a missing file is named in the error", "[npy]") {
  CHECK_THROWS_WITH(backprop::npy::read("/nonexistent/dlogits.npy"),
                    Catch::Matchers::ContainsSubstring("/nonexistent/dlogits.npy: cannot open"));
}
