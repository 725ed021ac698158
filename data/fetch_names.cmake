# Downloads names.txt (Karpathy's makemore, MIT) to data/names.txt and checks its SHA-256.
# The file is not committed (.gitignore); the split parity test and the trainer read it. Its
# licence, data/LICENSE.makemore, is committed and copied beside a names.txt written elsewhere.
#   cmake -P data/fetch_names.cmake                 # from the repository root
#   cmake -DDEST=/path/names.txt -P data/fetch_names.cmake
cmake_minimum_required(VERSION 3.25)

set(url "https://raw.githubusercontent.com/karpathy/makemore/master/names.txt")
set(sha256 "0a30b5557f192f32ab962680889aac5f6fda0f4cecf40a6d0b5694f58ea8cc4d")
if(NOT DEFINED DEST)
  set(DEST "${CMAKE_CURRENT_LIST_DIR}/names.txt")
endif()
get_filename_component(DEST "${DEST}" ABSOLUTE)  # a relative DEST is taken from the current folder

if(EXISTS "${DEST}")
  file(SHA256 "${DEST}" have)
  if(have STREQUAL sha256)
    message(STATUS "${DEST} is already there, with the expected SHA-256")
    return()
  endif()
  message(FATAL_ERROR "${DEST} exists but its SHA-256 is ${have}, not ${sha256}: it is not makemore's names.txt. "
    "Remove it and run this script again.")
endif()

# Download beside the destination and rename, so that a failed download never leaves a partial
# names.txt. The hash is checked here rather than with EXPECTED_HASH, which stops with a hash
# mismatch (of an empty file) before the download's own error can be explained.
set(partial "${DEST}.part")
message(STATUS "Downloading ${url}")
file(DOWNLOAD "${url}" "${partial}" TLS_VERIFY ON TIMEOUT 60 STATUS status)
list(GET status 0 code)
list(GET status 1 reason)
if(NOT code EQUAL 0)
  file(REMOVE "${partial}")
  message(FATAL_ERROR "Could not download names.txt: ${reason} (error ${code}).\n"
    "Without internet, copy names.txt (SHA-256 ${sha256}) from ${url} to ${DEST} by hand, "
    "or point the tests at a copy with BACKPROP_NAMES=<file>.")
endif()
file(SHA256 "${partial}" have)
if(NOT have STREQUAL sha256)
  file(REMOVE "${partial}")
  message(FATAL_ERROR "Downloaded ${url}, but its SHA-256 is ${have}, not ${sha256}: refusing to use it.")
endif()
file(RENAME "${partial}" "${DEST}")
get_filename_component(dest_dir "${DEST}" DIRECTORY)
if(NOT dest_dir STREQUAL CMAKE_CURRENT_LIST_DIR)
  file(COPY "${CMAKE_CURRENT_LIST_DIR}/LICENSE.makemore" DESTINATION "${dest_dir}")
endif()
message(STATUS "Wrote ${DEST} (MIT licence, (c) 2022 Andrej Karpathy: ${dest_dir}/LICENSE.makemore)")
