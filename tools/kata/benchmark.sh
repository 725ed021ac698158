#!/usr/bin/env bash
# How fast the learner's loop is, against an older commit measured in the same run (docs/speed.md):
#   tools/kata/benchmark.sh [BASELINE] [RUNS] [STEP]    (defaults: 9cb1cbf, 5 runs, 05_dcounts)
# For the baseline and for the checkout's HEAD, each in a fresh clone under a scratch folder:
#   cold    `cmake --workflow --preset exercises` from nothing, as a learner's first command;
#   run     save to verdict: append a comment to a solved exercises/05_dcounts.cpp (or STEP's file)
#           and time `build/exercises/kata run dcounts` (or STEP's name);
#   watch   save to verdict under a running `kata watch`: from the write to the next verdict on screen;
#   train   the first `kata train`'s build: the trainer on the learner's steps, optimised, after cold.
# Prints a Markdown table (seconds): cold and train timed once, run and watch the medians of RUNS,
# and the compiler each commit's preset chose (CXX, when set, chooses for both). Run it on an
# otherwise idle machine; the figures depend on its cores (nproc) and compiler.
set -euo pipefail
baseline=${1:-9cb1cbf}
runs=${2:-5}
step=${3:-05_dcounts}
name=${step#*_}
cd "$(dirname "$0")/../.."
# shellcheck source=tools/kata/bench_common.sh
. tools/kata/bench_common.sh
[[ -f solutions/$step.cpp ]] ||
  { echo "benchmark.sh: STEP '$step' has no solutions/$step.cpp: name a step as its file does, like 09_dh" >&2; exit 2; }

measure() {
  local ref=$1 dir=$scratch/$1
  git clone -q . "$dir"
  git -C "$dir" checkout -q "$ref"
  cd "$dir"
  local start
  start=$(now)
  cmake --workflow --preset exercises > "$scratch/$ref.cold.log" 2>&1 || true  # the stubs fail their tests
  cold=$(echo "$(now) - $start" | bc)
  # The compiler the preset chose for this commit (HEAD prefers Clang: tools/prefer-clang.cmake).
  compiler=$(sed -n 's/^set(CMAKE_CXX_COMPILER_\(ID\|VERSION\) "\(.*\)")$/\2/p' \
    build/exercises/CMakeFiles/*/CMakeCXXCompiler.cmake | paste -sd ' ')

  cp "solutions/$step.cpp" exercises/
  build/exercises/kata run "$name" > /dev/null || { echo "kata run $name failed on $ref" >&2; exit 1; }
  run=$(for i in $(seq "$runs"); do
    echo "// save $i" >> "exercises/$step.cpp"
    start=$(now)
    build/exercises/kata run "$name" > /dev/null
    echo "$(now) - $start" | bc
  done | median)

  # Each verdict's time is stamped as its last line arrives, so that waiting for it can poll
  # slowly: a loop of greps would take CPU from the compiler it times.
  local stamps=$scratch/$ref.watch.stamps
  : > "$stamps"
  NO_COLOR=1 build/exercises/kata watch > >(while IFS= read -r line; do
    [[ $line == *Watching* ]] && echo "$EPOCHREALTIME" >> "$stamps"
  done) 2>&1 &
  local pid=$!
  until [[ -s $stamps ]]; do sleep 0.1; done
  watch=$(for i in $(seq "$runs"); do
    local seen
    seen=$(wc -l < "$stamps")
    sleep 0.5
    echo "// watched $i" >> "exercises/$step.cpp"
    start=$EPOCHREALTIME
    until (($(wc -l < "$stamps") > seen)); do sleep 0.1; done
    echo "$(tail -n 1 "$stamps") - $start" | bc
  done | median)
  kill -INT $pid
  wait $pid || true

  start=$(now)
  cmake --build build/exercises --target train > "$scratch/$ref.train.log" 2>&1 ||
    { echo "the trainer did not build on $ref" >&2; exit 1; }
  train=$(echo "$(now) - $start" | bc)
  cd - > /dev/null
  printf '| %s | %s | %s | %.1f | %.2f | %.2f | %.1f |\n' "$ref" "$(git log -1 --format=%cs "$ref")" "$compiler" "$cold" \
    "$run" "$watch" "$train"
}

echo "$(nproc) cores, $runs saves of exercises/$step.cpp each (seconds)${CXX:+, CXX=$CXX}"
echo
echo "| commit | date | compiler | cold workflow | save to verdict, kata run | save to verdict, kata watch | first kata train's build |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
measure "$baseline"
measure "$(git rev-parse --short HEAD)"
