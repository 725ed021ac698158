// xml_check FILE...: exit status 0 when every file is well-formed XML (well_formed.h), else 1 with
// what is wrong in which file. The scripted tests use it for the SVG and JUnit files they check,
// so that no test needs Python.
#include <fstream>
#include <iostream>
#include <iterator>

#include "well_formed.h"

int main(int argc, char** argv) {
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    const auto error = in ? xml_error(text) : std::string("cannot be read");
    if (!error.empty()) {
      std::cerr << argv[i] << ": " << error << '\n';
      status = 1;
    }
  }
  return argc > 1 ? status : 2;
}
