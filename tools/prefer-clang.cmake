# The exercises preset's toolchain file: the learner's build compiles with Clang where it is installed
# and works, else with CMake's default compiler. With Eigen's precompiled header, Clang compiles a
# step in half GCC's time, and the whole first build in 60% of it (docs/speed.md, "The compiler"). A compiler chosen with
# CXX or -DCMAKE_CXX_COMPILER wins, and a build tree keeps the compiler it was configured with.
# CMake reads this file more than once a configure: the choice is made, and said, once.
get_property(backprop_chose GLOBAL PROPERTY BACKPROP_CLANG_CHOSEN SET)
if(DEFINED CMAKE_CXX_COMPILER OR DEFINED ENV{CXX} OR backprop_chose)
  return()
endif()
set_property(GLOBAL PROPERTY BACKPROP_CLANG_CHOSEN ON)
find_program(backprop_clang NAMES clang++ NO_CACHE)
if(NOT backprop_clang)
  message(STATUS "Clang is not installed: compiling with the default compiler (tools/install-deps.sh "
    "installs Clang, which compiles each save in half the time)")
  return()
endif()
# A clang++ can be installed without a C++ library it can use (Clang picks the newest GCC's, whose
# headers may be missing): keep the default compiler then.
set(backprop_probe ${CMAKE_BINARY_DIR}/CMakeFiles/prefer_clang.cpp)
file(WRITE ${backprop_probe}
  "#include <string>\n#include <vector>\nint main() { return std::vector<std::string>{}.size(); }\n")
execute_process(COMMAND ${backprop_clang} -std=c++20 -fsyntax-only ${backprop_probe}
  RESULT_VARIABLE backprop_status OUTPUT_VARIABLE backprop_output ERROR_VARIABLE backprop_output)
if(NOT backprop_status EQUAL 0)
  string(REGEX REPLACE "\n.*" "" backprop_output "${backprop_output}")
  message(STATUS "${backprop_clang} cannot compile C++20 with the standard library (${backprop_output}): "
    "compiling with the default compiler")
  return()
endif()
message(STATUS "Compiling with ${backprop_clang} (CXX=g++ chooses GCC, in a new build folder)")
set(CMAKE_CXX_COMPILER ${backprop_clang})
