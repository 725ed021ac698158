// Whole files read and written, with errors that name the file: one definition for kata, the
// trainer and the tests.
#pragma once

#include <filesystem>
#include <string>

namespace backprop {

// The file's bytes; std::runtime_error "<file>: cannot read" when it cannot be opened or read.
std::string read_text(const std::filesystem::path& file);
// Replaces the file's bytes with text; std::runtime_error "<file>: cannot write" when any of it
// could not be written (a missing folder, a full disk).
void write_text(const std::filesystem::path& file, const std::string& text);

}  // namespace backprop
