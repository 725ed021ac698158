# The GitHub Classroom autograding of a hand-out, made from steps.json: a check that every file outside
# exercises/ is the hand-out's, then one command-grader step per kata step, worth one point, then the
# reporter that adds them up.
#   cmake -D HANDOUT=<hand-out> -P <hand-out>/tools/classroom/workflow.cmake
# HANDOUT is a git repository with the hand-out's files added. This writes, beside them,
# .github/handout.sha256 (the SHA-256 of every file git lists outside exercises/) and
# .github/workflows/classroom.yml, which holds the SHA-256 of that list and of verify.cmake.
# tools/handout.sh --classroom runs it; docs/instructor.md says how to use the result.
cmake_minimum_required(VERSION 3.25)
if(NOT HANDOUT)
  message(FATAL_ERROR "usage: cmake -D HANDOUT=<hand-out> -P tools/classroom/workflow.cmake")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/../../lib/manifest.cmake)
backprop_read_manifest(${HANDOUT}/steps.json)

set(list .github/handout.sha256)
set(workflow .github/workflows/classroom.yml)
# Not compared: the workflow holds the list's SHA-256, so the list cannot hold the workflow's (GitHub
# Classroom's protected paths watch it), and GitHub Classroom commits its deadline badge to README.md.
set(unchecked README.md ${workflow})
# Written by the check when it passes, outside the repository, so that a learner cannot commit it.
set(verified "~/.backprop-ninja-handout-ok")

execute_process(COMMAND git -c core.quotePath=false ls-files WORKING_DIRECTORY ${HANDOUT}
  OUTPUT_VARIABLE files COMMAND_ERROR_IS_FATAL ANY)
string(REGEX REPLACE "\n$" "" files "${files}")
string(REPLACE "\n" ";" files "${files}")
set(lines "")
foreach(path IN LISTS files)
  if(NOT path MATCHES "^exercises/" AND NOT path IN_LIST unchecked AND NOT path STREQUAL list)
    file(SHA256 ${HANDOUT}/${path} sha256)
    string(APPEND lines "${sha256}  ${path}\n")
  endif()
endforeach()
file(WRITE ${HANDOUT}/${list} "${lines}")
file(SHA256 ${HANDOUT}/${list} list_sha256)
file(SHA256 ${HANDOUT}/tools/classroom/verify.cmake verify_sha256)

# Every grader, and the build, runs only after the check passed. When it refuses, each fails: a
# learner's committed build/exercises/kata must not grade, and the reporter needs every result.
set(gate "test -f ${verified} || { echo \"Not graded, see the step Verify the hand-out\" >&2; exit 1; }; ")
# Built once, before the first step's grader: every step that compiles, whatever the others do (-k 0).
set(setup "${gate}sudo apt-get update -qq && tools/install-deps.sh && cmake --preset exercises && (cmake --build --preset exercises -- -k 0 || true)")
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
  string(APPEND steps "        command: ${gate}build/exercises/kata run ${name}\n        timeout: ${minutes}\n        max-score: 1\n")
  string(TOUPPER "${name}" upper)
  string(APPEND results "        ${upper}_RESULTS: \"\${{ steps.${name}.outputs.result }}\"\n")
endforeach()
list(JOIN BACKPROP_STEP_NAMES "," runners)
file(WRITE ${HANDOUT}/${workflow} "# Made by tools/classroom/workflow.cmake from steps.json and the hand-out: one point per step of the kata.
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
      with:
        fetch-depth: 0  # the messages name the hand-out's commit, the first
    - name: Verify the hand-out
      # First, before anything of the learner's runs: only exercises/ may differ from the hand-out.
      # The checker and its list are in the learner's repository, so their SHA-256 are here. A failure
      # does not end the job: every grader then fails, and the reporter posts a score of 0.
      continue-on-error: true
      run: |
        if [ \"$(cmake -E sha256sum tools/classroom/verify.cmake)\" != \"${verify_sha256}  tools/classroom/verify.cmake\" ]; then
          echo \"Not graded: tools/classroom/verify.cmake is missing or differs from the hand-out; put it back with \\`git checkout $(git rev-list --max-parents=0 --abbrev-commit HEAD | tail -n 1) -- tools/classroom/verify.cmake\\`\" >&2
          exit 1
        fi
        cmake -D LIST=${list} -D LIST_SHA256=${list_sha256} -D \"UNCHECKED=${unchecked}\" -P tools/classroom/verify.cmake
        touch ${verified}
${steps}    - name: Report
      uses: classroom-resources/autograding-grading-reporter@v1
      env:
${results}      with:
        runners: ${runners}
")
