#!/bin/bash
# shellcheck disable=SC2016  # the patterns match gdb's $1, $2, not the shell's
# kata debug on this build's step 5 (tools/kata/tests.cmake): gdb stops in the step's function with
# the case's inputs, and the pretty-printer shows each tensor's shape and numbers.
#   debug_test.sh <kata> <scratch dir>
set -u
kata=$1 scratch=$2
rm -rf "$scratch" && mkdir -p "$scratch"
out=$scratch/out
if ! command -v gdb > /dev/null; then
  echo "kata debug skipped: gdb is not installed"
  exit 77
fi
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$out"; exit 1; }
expect() { grep -qE -- "$1" "$out" || fail "no line matches '$1'"; }

printf 'p dprobs\np counts_sum_inv\nfinish\n' > "$scratch/commands.gdb"
# gdb needs the runner built with the step's variables, which the build leaves until asked.
debugger=$(dirname "$kata")/../../steps/debug/05_dcounts
rm -f "$debugger"
"$kata" debug dcounts --no-build --batch "$scratch/commands.gdb" > "$out" 2>&1 && fail "kata debug ran without its runner"
expect 'steps/debug/05_dcounts is not built: run kata debug without --no-build'
"$kata" debug dcounts --batch "$scratch/commands.gdb" > "$out" 2>&1 || fail "kata debug exited $?"
expect 'Building .*steps/debug/05_dcounts with 05_dcounts.cpp.s variables for gdb'
expect '^Breakpoint 1, backprop::dcounts \(counts_sum_inv=\.\.\., dprobs=\.\.\., dcounts_sum=\.\.\.\) at .*/05_dcounts\.cpp:[0-9]+'
expect '^\$1 = Matrix \([0-9]+, 27\) float32$'                 # the batch: 32, or 15 on the odd case
expect '^\$2 = ColVector \([0-9]+, 1\) float32$'
expect '^ \.\.\.,$'                                                # more than 6 rows: the middle elided
expect '^\[\[ *-?[0-9]+\.[0-9]{4}(e[-+][0-9]+)?,'                  # numbers, not Eigen's fields
expect '^Value returned is \$3 = Matrix \([0-9]+, 27\) float32$'      # a solution returns its gradient
! grep -q 'm_storage' "$out" || fail "a tensor was printed as Eigen's raw fields"

# A step that is not one: the usage error names it, and gdb never starts.
"$kata" debug no_such_step --no-build > "$out" 2>&1 && fail "kata debug accepted an unknown step"
expect 'no_such_step'
echo "ok: kata debug"
