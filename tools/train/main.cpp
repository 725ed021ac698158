// The trainer: exercise 4 of the lecture on the learner's backward pass. See cli.h.
#include <unistd.h>

#include <iostream>

#include "cli.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return train::run(args, {std::cout, std::cerr, isatty(STDERR_FILENO) == 1});
}
