#!/usr/bin/env bash
# How long kata grade takes, against an older commit measured in the same run (docs/instructor.md):
#   tools/kata/grade_benchmark.sh [BASELINE] [COPIES]       (defaults: 9cb1cbf, 5)
# For the baseline and for the checkout's HEAD, each in a fresh clone under a scratch folder: the
# solutions preset is built whole (not timed), then `kata grade` grades COPIES copies of solutions/
# on the lecture's case, timed from its start to its end (its own build of the tree is then a
# no-op). Prints a Markdown table: the whole grade, and seconds per submission (median). Run it on
# an otherwise idle machine; the figures depend on its cores (nproc) and compiler.
set -euo pipefail
baseline=${1:-9cb1cbf}
copies=${2:-5}
cd "$(dirname "$0")/../.."
# shellcheck source=tools/kata/bench_common.sh
. tools/kata/bench_common.sh

for i in $(seq "$copies"); do
  mkdir -p "$scratch/submissions/copy$i"
  cp solutions/*.cpp "$scratch/submissions/copy$i/"
done

measure() {
  local ref=$1 dir=$scratch/$1
  git clone -q . "$dir"
  git -C "$dir" checkout -q "$ref"
  (cd "$dir" && cmake --preset solutions > "$scratch/$ref.build.log" 2>&1 &&
    cmake --build --preset solutions >> "$scratch/$ref.build.log" 2>&1) || {
    tail -20 "$scratch/$ref.build.log" >&2
    exit 1
  }
  local start whole
  start=$(now)
  "$dir/build/solutions/kata" grade "$scratch"/submissions/* --out "$scratch/$ref.grades" \
    > "$scratch/$ref.grade.log" 2>&1 || { tail -20 "$scratch/$ref.grade.log" >&2; exit 1; }
  whole=$(echo "$(now) - $start" | bc)
  grep -q "^copy1,28,28," "$scratch/$ref.grades/grades.csv" || { echo "$ref did not grade the solutions 28/28" >&2; exit 1; }
  # kata grade's progress: "[1/5] copy1: 28/28 in 9.3 s"
  local each
  each=$(tr '\r' '\n' < "$scratch/$ref.grade.log" | sed -n 's/^\[[0-9]*\/[0-9]*\] copy[0-9]*: 28\/28 in \([0-9.]*\) s.*/\1/p' | median)
  printf '| %s | %s | %.1f | %.1f |\n' "$ref" "$(git log -1 --format=%cs "$ref")" "$whole" "$each"
}

echo "$(nproc) cores, $(c++ --version | head -1), $copies copies of solutions/ (seconds)"
echo
echo "| commit | date | kata grade, whole | per submission (median) |"
echo "| --- | --- | --- | --- |"
measure "$baseline"
measure "$(git rev-parse --short HEAD)"
