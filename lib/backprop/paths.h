// Where the project's files are: every program and test asks here. Each path starts from the
// checkout this program was built from (CMake compiles it in), so a binary run from anywhere finds
// them; two settings point elsewhere:
//   $BACKPROP_REFERENCE_DIR  the reference case the step tests and the chain read (default_case_dir)
//   names.txt                --names, $BACKPROP_NAMES or -DBACKPROP_NAMES (find_names)
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace backprop {

// The checkout this program was built from.
std::filesystem::path source_dir();

// A committed reference case: data/reference/<name> (see data/README.md).
std::filesystem::path reference_case_dir(std::string_view name);
// The case of the lecture's sizes: data/reference/lecture.
std::filesystem::path lecture_case_dir();
// The variable that names the reference case to read instead of the lecture's.
inline constexpr const char* kReferenceVariable = "BACKPROP_REFERENCE_DIR";
// $BACKPROP_REFERENCE_DIR when it is set, lecture_case_dir() otherwise.
std::filesystem::path default_case_dir();

// What Python and PyTorch drew, for the parity tests: data/parity (written by data/make_parity.py).
std::filesystem::path parity_dir();
// The tests' own input files: tests/data.
std::filesystem::path test_data_dir();

// Where names.txt is: flag (the trainer's --names) if not empty, else $BACKPROP_NAMES, else the CMake
// setting -DBACKPROP_NAMES, else data/names.txt in the checkout. A path given by one of the first three
// must be a file: else DataError, saying where the path came from. With none given and no data/names.txt,
// NamesNotFound, saying every way to provide the file.
std::filesystem::path find_names(const std::filesystem::path& flag);

// A data file that is missing or malformed: names.txt here, its contents in names.h.
struct DataError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// No names.txt was given and data/names.txt is absent: the file was never fetched.
struct NamesNotFound : DataError {
  using DataError::DataError;
};

}  // namespace backprop
