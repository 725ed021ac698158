#!/bin/bash
# kata grade and kata report on a real build of the solutions (tools/kata/tests.cmake):
#   grade_test.sh <kata> <source root> <scratch dir> <xml_check>
# Grades three submissions at once: the stubs as shipped (0/28), the solutions (28/28), and a mixed
# folder whose steps are solved, not done, broken, looping, including the reference reader, and
# reading the expected answer from the lecture's case (passes there, fails on a held-out case).
set -u
kata=$1 root=$2 scratch=$3 xml_check=$4
rm -rf "$scratch" && mkdir -p "$scratch"
out=$scratch/out

fail() { echo "FAIL: $*"; echo "--- output:"; cat "$out" 2>/dev/null; exit 1; }
expect() { grep -qE -- "$1" "$2" || fail "no line of $2 matches '$1'"; }

mixed=$scratch/mixed
mkdir -p "$mixed"
cp "$root"/solutions/0[1-3]_*.cpp "$root"/exercises/04_dcounts_sum.cpp "$mixed/"
sed 's/throw NotDone("dcounts");/return dcount;/' "$root/exercises/05_dcounts.cpp" > "$mixed/05_dcounts.cpp"
sed 's/throw NotDone("dnorm_logits");/for (volatile int i = 0; i >= 0;) {\n  }/' \
  "$root/exercises/06_dnorm_logits.cpp" > "$mixed/06_dnorm_logits.cpp"
sed 's|#include "backprop/steps.h"|&\n#include "backprop/reference.h"|' "$root/solutions/07_dlogit_maxes.cpp" \
  > "$mixed/07_dlogit_maxes.cpp"
# The expected dlogits of the lecture's case, or of its probe by the size of logits, read from the
# .npy files (a header, then float32 values).
cat > "$mixed/08_dlogits.cpp" << CHEAT
#include <cstdint>
#include <fstream>

#include "backprop/steps.h"

namespace backprop {

Matrix dlogits(const Matrix& logits, const Matrix&, const ColVector&) {
  const char* lecture = "$root/data/reference/lecture/";
  std::ifstream npy(std::string(lecture) + (logits.rows() == 32 ? "" : "probes/dlogits/") + "dlogits.npy",
                    std::ios::binary);
  std::uint16_t header = 0;
  npy.seekg(8);
  npy.read(reinterpret_cast<char*>(&header), 2);
  npy.seekg(10 + header);
  Matrix answer = Matrix::Zero(logits.rows(), logits.cols());
  npy.read(reinterpret_cast<char*>(answer.data()), static_cast<std::streamsize>(answer.size() * sizeof(float)));
  return answer;
}

}  // namespace backprop
CHEAT

SECONDS=0
"$kata" grade "$root/exercises" "$root/solutions" "$mixed" --out "$scratch/grades" --case "$root/data/reference/odd" \
  --time-limit 2 > "$out" 2>&1 || fail "kata grade failed"
echo "graded 3 submissions in $SECONDS s"
cat "$scratch/grades/grades.csv"
csv=$scratch/grades/grades.csv
expect "^$(basename "$root"),0,28,not_done(,not_done){27}$" "$csv"  # a checkout's exercises/ are named after it
expect '^solutions,28,28,passed(,passed){27}$' "$csv"
expect '^mixed,3,28,passed,passed,passed,not_done,does_not_compile,timed_out,does_not_compile,failed(,does_not_compile){20}$' "$csv"
expect "mixed/05_dcounts.cpp:[0-9]+: .*dcount" "$scratch/grades/mixed/summary.md"
expect "backprop/reference.h.*(No such file|not found)" "$scratch/grades/mixed/summary.md"  # GCC, Clang
# On the lecture's own case, the step that reads its answer passes: hence the held-out case.
"$kata" grade "$mixed" --out "$scratch/lecture" --case "$root/data/reference/lecture" --time-limit 2 > "$out" 2>&1 || fail "kata grade failed"
expect '^mixed,4,28,passed,passed,passed,not_done,does_not_compile,timed_out,does_not_compile,passed' \
  "$scratch/lecture/grades.csv"

# The reports: JUnit XML that parses, with one testcase per step and the right counts.
junit=$scratch/grades/mixed/junit.xml
"$xml_check" "$junit" || fail "junit.xml is not well-formed"
[ "$(grep -c '<testcase ' "$junit")" -eq 28 ] || fail "junit.xml has not 28 testcases"
expect '<testsuite name="mixed" tests="28" failures="3" errors="22"' "$junit"
expect '<failure type="failed" message="dlogits: failed">' "$junit"
expect '<system-out>network dlogprobs +\| exact: True' "$junit"

# kata report on this build's own tree: every step passes, exit status 0.
"$kata" report --out "$scratch/report" > "$out" 2>&1 || fail "kata report exited $?"
expect '^# solutions: 28/28 steps pass' "$scratch/report/summary.md"
expect 'tests="28" failures="0" errors="0"' "$scratch/report/junit.xml"
[ "$(wc -l < "$scratch/report/report.jsonl")" -eq 28 ] || fail "report.jsonl has not 28 lines"
echo "ok: grade and report"
