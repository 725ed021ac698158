#!/bin/bash
# kata grade and kata report on a real build of the solutions (tools/kata/tests.cmake):
#   grade_test.sh <kata> <source root> <scratch dir> <xml_check> <judge>
# Grades four submissions at once: the stubs as shipped (0/28), the solutions (28/28), a mixed
# folder whose steps are solved, not done, broken, looping and including the reference reader, and
# the hostile one (tests/hostile/), on a held-out case and on the lecture's: no attack scores.
set -u
kata=$1 root=$2 scratch=$3 xml_check=$4 judge=$5
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
# A shape mistake: (n, 27) plus (n, 1), which Eigen's checks stop at its line (line 7).
cat > "$mixed/08_dlogits.cpp" << 'SHAPES'
#include "backprop/steps.h"

namespace backprop {

Matrix dlogits(const Matrix&, const Matrix& dnorm_logits, const ColVector& dlogit_maxes) {
  Matrix sum = dnorm_logits;
  sum += dlogit_maxes;
  return sum;
}

}  // namespace backprop
SHAPES
# The hostile submission (tests/hostile/): every file that tries to forge or escape its verdict,
# the solutions for the other steps. @ROOT@ is this checkout, @CASE@ the held-out case.
hostile=$scratch/hostile
mkdir -p "$hostile"
cp "$root"/solutions/*.cpp "$hostile/"
for attack in "$root"/tests/hostile/*.cpp; do
  sed "s|@ROOT@|$root|g; s|@CASE@|$root/data/reference/odd|g" "$attack" > "$hostile/$(basename "$attack")"
done
before=$(git -C "$root" status --porcelain --ignored=no 2>/dev/null | sort)
home_before=$(ls -A "$HOME" 2>/dev/null)

SECONDS=0
"$kata" grade "$root/exercises" "$root/solutions" "$mixed" "$hostile" --out "$scratch/grades" \
  --case "$root/data/reference/odd" --time-limit 2 > "$out" 2>&1 || fail "kata grade failed"
echo "graded 4 submissions in $SECONDS s"
((SECONDS < 300)) || fail "grading took $SECONDS s"
cat "$scratch/grades/grades.csv"
csv=$scratch/grades/grades.csv
expect "^$(basename "$root"),0,28,not_done(,not_done){27}$" "$csv"  # a checkout's exercises/ are named after it
expect '^solutions,28,28,passed(,passed){27}$' "$csv"
expect '^mixed,3,28,passed,passed,passed,not_done,does_not_compile,timed_out,does_not_compile,threw(,does_not_compile){20}$' "$csv"
expect "Eigen check failed: .* at exercises/08_dlogits.cpp:7 in backprop::dlogits\(\.\.\.\) +inputs: logits \(15, 27\), dnorm_logits \(15, 27\), dlogit_maxes \(15, 1\); expected dlogits \(15, 27\)" \
  "$scratch/grades/mixed/summary.md"
expect "mixed/05_dcounts.cpp:[0-9]+: .*dcount" "$scratch/grades/mixed/summary.md"
expect "backprop/reference.h.*(No such file|not found)" "$scratch/grades/mixed/summary.md"  # GCC, Clang
# No attack scores: each gets the verdict tests/hostile/ names; the honest debugging step passes.
hostile_row='crashed,crashed,crashed,crashed,crashed,threw,timed_out,crashed,crashed,crashed,crashed,crashed,crashed,does_not_compile,does_not_compile,crashed,passed,passed,crashed(,passed){9}'
expect "^hostile,11,28,$hostile_row$" "$csv"
summary=$scratch/grades/hostile/summary.md
for verdict in '\| dlogprobs \| crashed \| the step tried to open a file \(openat\): a step may only compute with its inputs' \
  '\| dprobs \| crashed \| the step tried to open a file' '\| dcounts_sum_inv \| crashed \| the step tried to change a file or folder' \
  '\| dcounts_sum \| crashed \| (the step tried to start a process or a thread|it made a system call that a step may not make \(such as starting a process\))' \
  '\| dcounts \| crashed \| the step tried to signal another process' '\| dnorm_logits \| threw \| std::bad_alloc' \
  '\| dlogit_maxes \| timed out \| stopped after 2 s' '\| dlogits \| crashed \| the step tried to use the network' \
  '\| dh \| crashed \| it made a system call that a step may not make .*before its step ran' \
  '\| dhpreact \| crashed \| the step tried to reach into another process' \
  '\| dbnbias \| does not compile \| (the assembler: |<inline asm>).*odd/dbnbias.npy' '\| dbnraw \| does not compile \| .*Permission denied' \
  '\| dbnvar_inv \| crashed \| it wrote something that is not one answer' '\| dbndiff \| crashed \| it died of signal 6'; do
  expect "$verdict" "$summary"
done
# On the lecture's own case too, whose files sit in this checkout.
"$kata" grade "$hostile" --out "$scratch/lecture" --case "$root/data/reference/lecture" --time-limit 2 > "$out" 2>&1 ||
  fail "kata grade failed"
expect "^hostile,11,28,$hostile_row$" "$scratch/lecture/grades.csv"
# What ctest runs: the judge, here on the hostile runners kata grade built.
BACKPROP_RUNNERS=$scratch/grades/hostile/build "$judge" dlogprobs --reporter compact > "$out" 2>&1 &&
  fail "the judge passed a step that reads its answer"
expect 'tried to open a file \(openat\)' "$out"
# Nothing outside the scratch folder changed, and nothing the submissions started is left.
[ -f "$root/README.md" ] || fail "a submission deleted the checkout's README.md"
[ "$(git -C "$root" status --porcelain --ignored=no 2>/dev/null | sort)" = "$before" ] || fail "the checkout changed"
[ "$(ls -A "$HOME" 2>/dev/null)" = "$home_before" ] || fail "\$HOME changed"
[ ! -e /tmp/kata-hostile-shell ] || fail "a submission ran a shell"
! pgrep -f "$scratch/(grades|lecture)/" > /dev/null || fail "a submission left a process: $(pgrep -af "$scratch/")"

# The reports: JUnit XML that parses, with one testcase per step and the right counts.
junit=$scratch/grades/mixed/junit.xml
"$xml_check" "$junit" || fail "junit.xml is not well-formed"
[ "$(grep -c '<testcase ' "$junit")" -eq 28 ] || fail "junit.xml has not 28 testcases"
expect '<testsuite name="mixed" tests="28" failures="2" errors="23"' "$junit"
expect '<system-out>network dlogprobs +\| exact: True' "$junit"

# kata report on this build's own tree: every step passes, exit status 0.
"$kata" report --out "$scratch/report" > "$out" 2>&1 || fail "kata report exited $?"
expect '^# solutions: 28/28 steps pass' "$scratch/report/summary.md"
expect 'tests="28" failures="0" errors="0"' "$scratch/report/junit.xml"
[ "$(wc -l < "$scratch/report/report.jsonl")" -eq 28 ] || fail "report.jsonl has not 28 lines"
echo "ok: grade and report"
