# The GitHub Classroom autograding workflow of the hand-out, made from steps.json: one command-grader
# step per kata step, worth one point, then the reporter that adds them up.
#   cmake -D OUT=<hand-out>/.github/workflows/classroom.yml -P tools/classroom/workflow.cmake
# tools/handout.sh --classroom writes it; docs/instructor.md says how to use it.
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/../../lib/manifest.cmake)
backprop_read_manifest(${CMAKE_CURRENT_LIST_DIR}/../../steps.json)
if(NOT OUT)
  message(FATAL_ERROR "usage: cmake -D OUT=<file> -P tools/classroom/workflow.cmake")
endif()

# Built once, before the first step's grader: every step that compiles, whatever the others do (-k 0).
set(setup "sudo apt-get update -qq && tools/install-deps.sh && cmake --preset exercises && (cmake --build --preset exercises -- -k 0 || true)")
set(steps "")
set(results "")
set(first TRUE)
foreach(name stem IN ZIP_LISTS BACKPROP_STEP_NAMES BACKPROP_STEP_STEMS)
  string(APPEND steps "    - name: ${stem}\n      id: ${name}\n"
    "      uses: classroom-resources/autograding-command-grader@v1\n      with:\n"
    "        test-name: ${stem}\n")
  # The first grader's time (minutes) includes the setup: packages and the first build.
  set(minutes 2)
  if(first)
    string(APPEND steps "        setup-command: ${setup}\n")
    set(minutes 30)
    set(first FALSE)
  endif()
  string(APPEND steps "        command: build/exercises/kata run ${name}\n        timeout: ${minutes}\n        max-score: 1\n")
  string(TOUPPER "${name}" upper)
  string(APPEND results "        ${upper}_RESULTS: \"\${{ steps.${name}.outputs.result }}\"\n")
endforeach()
list(JOIN BACKPROP_STEP_NAMES "," runners)
file(WRITE ${OUT} "# Made by tools/classroom/workflow.cmake from steps.json: one point per step of the kata.
name: Autograding
on: [push, repository_dispatch]
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  grade:
    runs-on: ubuntu-24.04
    if: github.actor != 'github-classroom[bot]'
    steps:
    - name: Checkout
      uses: actions/checkout@v4
${steps}    - name: Report
      uses: classroom-resources/autograding-grading-reporter@v1
      env:
${results}      with:
        runners: ${runners}
")
