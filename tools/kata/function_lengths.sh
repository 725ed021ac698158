#!/bin/bash
# The functions of kata's sources longer than a limit (default 60 lines), longest first. A function
# starts at a line in the first column with a "(" (its signature, perhaps over several lines, up to
# the "{" that ends one) and ends at the next "}" in the first column, as clang-format lays them out.
#   tools/kata/function_lengths.sh [limit] [files...]   (default: tools/kata/*.cpp)
set -eu
limit=${1:-60}
shift || true
cd "$(dirname "$0")/../.."
if (($# == 0)); then set -- tools/kata/*.cpp; fi
awk -v limit="$limit" '
  FNR == 1 { start = 0; signature = 0 }
  /^[A-Za-z].*[(]/ && !/^(namespace|class|struct|enum|union|extern|using|template)/ { signature = FNR; name = $0 }
  signature && /;$/ { signature = 0 }
  signature && /[{]$/ { start = signature; signature = 0; next }
  /^}/ && start {
    lines = FNR - start + 1
    if (lines > limit) printf "%4d  %s:%d  %s\n", lines, FILENAME, start, name
    start = 0
  }' "$@" | sort -rn
