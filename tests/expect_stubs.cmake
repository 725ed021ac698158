# Checks the steps in exercises/ as shipped: every step's test fails, and says which file to edit.
#   cmake -D BUILD_DIR=build/exercises -P tests/expect_stubs.cmake
# Run by .ci/run; a stub that passed its test would mean the test cannot fail.
cmake_minimum_required(VERSION 3.25)
if(NOT BUILD_DIR)
  message(FATAL_ERROR "usage: cmake -D BUILD_DIR=<exercises build folder> -P tests/expect_stubs.cmake")
endif()
get_filename_component(source_dir "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
include(${source_dir}/lib/manifest.cmake)
backprop_read_manifest(${source_dir}/steps.json)
set(wrong "")
foreach(stem file IN ZIP_LISTS BACKPROP_STEP_STEMS BACKPROP_STEP_FILES)
  execute_process(
    COMMAND ${CMAKE_CTEST_COMMAND} --test-dir "${BUILD_DIR}" -R "^${stem}$" --output-on-failure
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(result EQUAL 0)
    list(APPEND wrong "${stem}: passed, but its stub is not written")
  elseif(NOT output MATCHES "edit exercises/${file}")
    list(APPEND wrong "${stem}: failed without naming exercises/${file}")
  endif()
endforeach()
if(wrong)
  list(JOIN wrong "\n  " wrong)
  message(FATAL_ERROR "stubs that do not fail as shipped:\n  ${wrong}")
endif()
list(LENGTH BACKPROP_STEP_NAMES step_count)
message(STATUS "all ${step_count} stubs fail their tests and name their files")
