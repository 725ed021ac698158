# Refuses to grade a hand-out whose files outside exercises/ are not the hand-out's: its tests, data,
# library, tools and CMake files do the grading, so a learner may change exercises/ only.
#   cmake -D LIST=<list> [-D LIST_SHA256=<sha256>] [-D "UNCHECKED=<path>;..."] -P tools/classroom/verify.cmake
# From the repository's root; needs CMake and git only. LIST holds "<sha256>  <path>" for every file
# outside exercises/ at hand-out time (tools/classroom/workflow.cmake writes it, from git ls-files).
# Every listed file must be tracked and unchanged, and every tracked file outside exercises/ listed,
# but for LIST itself and the UNCHECKED paths. A checker or list that a learner changed could pass
# anything, so the workflow holds the SHA-256 of this file and passes LIST_SHA256.
cmake_minimum_required(VERSION 3.25)
if(NOT LIST)
  message(FATAL_ERROR
    "usage: cmake -D LIST=<list> [-D LIST_SHA256=<sha256>] [-D \"UNCHECKED=<path>;...\"] -P tools/classroom/verify.cmake")
endif()

# The lines of a text, as a CMake list. A ';' in a path would split it, so it reads as %3B: such a
# path is in no list and is reported, never skipped.
function(lines_of text out)
  string(REPLACE ";" "%3B" text "${text}")
  string(REGEX REPLACE "\n$" "" text "${text}")
  string(REPLACE "\n" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Each message says how to put a file back from the hand-out's commit, the repository's first.
execute_process(COMMAND git rev-list --max-parents=0 --abbrev-commit HEAD
  OUTPUT_VARIABLE first RESULT_VARIABLE status OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(status OR first STREQUAL "")
  set(first "<the first commit>")
else()
  string(REGEX REPLACE ".*\n" "" first "${first}")
endif()
set(problems "")
# put_back(<path> <what> [<why>]): why defaults to the part of the hand-out that the file belongs to.
function(put_back path what)
  string(REGEX MATCH "^[^/]*/?" top "${path}")
  set(why "grading uses the hand-out's ${top}")
  if(ARGC GREATER 2)
    set(why "${ARGV2}")
  endif()
  string(APPEND problems "  ${path} ${what} the hand-out: ${why}; put it back with `git checkout ${first} -- ${path}`\n")
  set(problems "${problems}" PARENT_SCOPE)
endfunction()
macro(refuse)
  message(NOTICE "Not graded: only exercises/ is yours to change, and these files outside it are not the "
    "hand-out's:\n${problems}")
  message(FATAL_ERROR "files outside exercises/ differ from the hand-out; nothing was graded")
endmacro()

if(NOT EXISTS "${LIST}")
  put_back("${LIST}" "is missing from your repository, unlike" "it records the hand-out's files")
  refuse()
endif()
if(LIST_SHA256)
  file(SHA256 "${LIST}" sha256)
  if(NOT sha256 STREQUAL LIST_SHA256)
    # The list records the hand-out: once it is changed, no comparison with it means anything.
    put_back("${LIST}" "differs from" "it records the hand-out's files")
    refuse()
  endif()
endif()

execute_process(COMMAND git -c core.quotePath=false ls-files
  OUTPUT_VARIABLE tracked RESULT_VARIABLE status ERROR_VARIABLE error)
if(status)
  message(FATAL_ERROR "git ls-files failed (${status}): ${error}the files cannot be checked; nothing was graded")
endif()
lines_of("${tracked}" tracked)
foreach(path IN LISTS tracked)
  set("tracked:${path}" TRUE)
endforeach()

file(READ "${LIST}" listed)
lines_of("${listed}" listed)
foreach(line IN LISTS listed)
  if(NOT line MATCHES "^([0-9a-f]+)  (.+)$")
    message(FATAL_ERROR "${LIST}: '${line}' is not a line '<sha256>  <path>'; nothing was graded")
  endif()
  set(path "${CMAKE_MATCH_2}")
  set(sha256 "${CMAKE_MATCH_1}")
  set("listed:${path}" TRUE)
  if(NOT DEFINED "tracked:${path}" OR NOT EXISTS "${path}")
    put_back("${path}" "is missing from your repository, unlike")
  elseif(IS_DIRECTORY "${path}")
    put_back("${path}" "is a folder, unlike in")
  else()
    file(SHA256 "${path}" actual)
    if(NOT actual STREQUAL sha256)
      put_back("${path}" "differs from")
    endif()
  endif()
endforeach()

foreach(path IN LISTS tracked)
  if(NOT path MATCHES "^exercises/" AND NOT DEFINED "listed:${path}" AND NOT path STREQUAL LIST
     AND NOT path IN_LIST UNCHECKED)
    string(APPEND problems "  ${path} is not in the hand-out: only exercises/ may gain files; "
      "remove it with `git rm ${path}`\n")
  endif()
endforeach()
if(NOT problems STREQUAL "")
  refuse()
endif()
list(LENGTH listed count)
message(STATUS "The ${count} files of ${LIST} are the hand-out's, and nothing was added outside exercises/")
