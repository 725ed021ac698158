#!/bin/bash
# The kata tool's own tests, one scenario per ctest test:
#   kata_cli_test.sh <scenario> <kata> <fake steps dir> <source root> <scratch dir> <tree>
# where <tree> is the folder of steps the build compiles (exercises or solutions), which kata shows and watches.
# Each runs the built kata against the test doubles (test/fake_step_test.in, test/fake_ninja) or a scratch tree.
set -u
scenario=$1 kata=$2 fake=$3 root=$4 scratch=$5 tree=$6
fake_ninja=$(dirname "$0")/fake_ninja
rm -rf "$scratch" && mkdir -p "$scratch"
out=$scratch/out

fail() { echo "FAIL: $*"; echo "--- kata printed:"; cat "$out" 2>/dev/null; exit 1; }
expect_exit() { [[ $1 == "$2" ]] || fail "exit status $1, expected $2"; }
expect() { grep -qE -- "$1" "$out" || fail "no line matches '$1'"; }
expect_not() { ! grep -qE -- "$1" "$out" || fail "a line matches '$1'"; }
# A build tree's kata_targets.json (as CMakeLists.txt writes it) in which no name is CMake's or
# the manifest's: kata must take every target, object and program from it.
write_targets() {
  local build=$1 separator="" path stem
  mkdir -p "$build"
  {
    echo "{\"judge\": {\"target\": \"any_judge\", \"file\": \"$build/programs/any_judge\"},"
    echo " \"trainer\": {\"target\": \"any_trainer\", \"file\": \"$build/programs/any_trainer\"},"
    echo " \"steps\": {"
    for path in "$fake"/*; do
      stem=${path##*/}
      [[ $stem == judge ]] && continue
      echo "$separator \"$stem\": {\"target\": \"any_runner_${stem:0:2}\", \"object\": \"$build/objects/./any_name_${stem:0:2}.o\","
      echo "   \"runner\": \"$build/programs/any_name_${stem:0:2}\", \"link\": [],"
      echo "   \"debugger\": {\"target\": \"any_debugger_${stem:0:2}\", \"file\": \"$build/debug/any_name_${stem:0:2}\"}}"
      separator=,
    done
    echo "}}"
  } > "$build/kata_targets.json"
}
wait_for() {
  for _ in $(seq 200); do grep -qE -- "$1" "$out" && return; sleep 0.1; done
  fail "nothing matched '$1' within 20 s"
}

case $scenario in
  mix)
    "$kata" --no-build --steps-dir "$fake" status > "$out" 2>&1
    expect_exit $? 0
    expect '\] 3/28'
    expect '^ +1  dlogprobs +False +True +1.49e-08 +ok'
    expect '^ +4  dcounts_sum +False +False +2 '
    expect '^ +6  dnorm_logits +not done'
    expect '^Next: Step 4 of 28: dcounts_sum +failed'
    expect 'looks like: a known mistake: flipped sign'
    expect '^  network  dcounts_sum +\| exact: False \| approximate: False \| maxdiff: 2 \| worst \[3, 0\]: got -1, expected 1, 19.8x the tolerance$'
    expect "edit +.*$tree/04_dcounts_sum.cpp"
    expect 'read +.*docs/steps/04_dcounts_sum.md'
    "$kata" --no-build --steps-dir "$fake" run dcounts > "$out" 2>&1
    expect_exit $? 1
    expect 'dcounts +threw'
    expect 'Eigen check failed'
    "$kata" --no-build --steps-dir "$fake" run 2 > "$out" 2>&1
    expect_exit $? 0
    expect 'dprobs +passed' ;;
  crash)
    # A step whose test dies is crashed; the other steps are still checked.
    KATA_FAKE_CRASH=dcounts "$kata" --no-build --steps-dir "$fake" status > "$out" 2>&1
    expect_exit $? 0
    expect '^ +5  dcounts +crashed'
    expect '^ +4  dcounts_sum +False +False +2 '
    expect '^ +6  dnorm_logits +not done'
    expect '\] 3/28'
    KATA_FAKE_CRASH=dcounts "$kata" --no-build --steps-dir "$fake" run dcounts > "$out" 2>&1
    expect_exit $? 1
    expect 'dcounts +crashed'
    expect 'its judge died of signal 11 \(Segmentation fault\)' ;;
  loop)
    # A step that never ends is stopped at the time limit; the other steps are still checked.
    SECONDS=0
    KATA_FAKE_LOOP=dcounts "$kata" --no-build --steps-dir "$fake" --time-limit 1 status > "$out" 2>&1
    expect_exit $? 0
    ((SECONDS < 8)) || fail "status took $SECONDS s with a 1 s limit"
    expect '^ +5  dcounts +timed out +stopped after 1 s: an endless loop\?'
    expect '^ +6  dnorm_logits +not done'
    KATA_FAKE_LOOP=dcounts "$kata" --no-build --steps-dir "$fake" --time-limit 1 run 5 > "$out" 2>&1
    expect_exit $? 1
    expect 'dcounts +timed out'
    expect 'kata --time-limit sets the limit' ;;
  broken)
    # A step that does not compile: its file, line and first error; every other step still checked.
    cp -r "$root/$tree" "$scratch/$tree"
    write_targets "$scratch/build"
    with_fake_build() {
      KATA_FAKE_NINJA_LOG=$scratch/ninja.log KATA_FAKE_ROOT=$scratch KATA_FAKE_TREE=$tree "$kata" --root "$scratch" \
        --build-dir "$scratch/build" --ninja "$fake_ninja" --steps-dir "$fake" "$@" > "$out" 2>&1
    }
    with_fake_build status
    expect_exit $? 0
    grep -q -- "-C $scratch/build -k 0 any_judge any_runner_01 .*any_runner_28$" "$scratch/ninja.log" ||
      fail "kata did not build the targets kata_targets.json names: $(cat "$scratch/ninja.log")"
    expect "^ +5  dcounts +does not compile +$tree/05_dcounts.cpp:12: 'dcount' was not declared in this scope"
    expect '^ +4  dcounts_sum +False +False +2 '
    expect "^ +warning +$tree/02_dprobs.cpp:11:9: warning: unused variable 'unused'"
    expect '\] 3/28'
    with_fake_build run dcounts
    expect_exit $? 1
    expect 'the compiler says:'
    expect "^    $tree/05_dcounts.cpp:12:10: error: 'dcount' was not declared"
    expect_not '/usr/bin/c\+\+'
    # A warning on a file that compiles is shown with its step.
    with_fake_build run dprobs
    expect_exit $? 0
    expect '^  warnings:'
    expect "$tree/02_dprobs.cpp:11:9: warning: unused variable 'unused'" ;;
  missing)
    # A deleted step file: that step says how to get it back, the others are checked. A file saved
    # after its test was built: --no-build says its verdict is old.
    cp -r "$root/$tree" "$scratch/$tree"
    rm "$scratch/$tree/07_dlogit_maxes.cpp"
    touch -d 2000-01-01 "$scratch/$tree"/*.cpp
    touch "$scratch/$tree/02_dprobs.cpp"
    "$kata" --root "$scratch" --no-build --steps-dir "$fake" status > "$out" 2>&1
    expect_exit $? 0
    expect '^ +7  dlogit_maxes +does not compile +'"$tree"'/07_dlogit_maxes.cpp is missing: .*kata reset dlogit_maxes puts'
    expect '\] 3/28'
    expect "^old verdict: $tree/02_dprobs.cpp changed after its test was built; run .*kata without --no-build"
    expect_not "old verdict: $tree/03" ;;
  lock)
    # One check at a time in a build tree: a second kata waits for the first.
    mkdir -p "$scratch/build"
    # The first holds the lock while its step loops to the 2 s limit (no flock(1): macOS has none).
    KATA_FAKE_LOOP=dnorm_logits "$kata" --build-dir "$scratch/build" --no-build --steps-dir "$fake" --time-limit 2 \
      run 6 > "$scratch/first" 2>&1 &
    sleep 0.3
    SECONDS=0
    "$kata" --build-dir "$scratch/build" --no-build --steps-dir "$fake" run 2 > "$out" 2>&1
    expect_exit $? 0
    ((SECONDS >= 1)) || fail "did not wait for the lock"
    expect 'Waiting for the other kata in this build tree'
    expect 'dprobs +passed'
    wait $!
    grep -qE 'dnorm_logits +timed out' "$scratch/first" || fail "the first kata did not run its step to the limit" ;;
  watch | watch-poll)
    cp -r "$root/$tree" "$scratch/$tree"
    flag=$([[ $scenario == watch-poll ]] && echo --poll)
    "$kata" --root "$scratch" --no-build --steps-dir "$fake" watch $flag > "$out" 2>&1 &
    pid=$!
    wait_for 'Watching'
    expect 'Checking'
    expect_not 'dprobs +passed'
    [[ $scenario == watch-poll ]] && expect '\(polling\)' || expect '\(inotify\)'
    sleep 1.1  # a coarse file system's timestamps must see a new second
    echo "// saved" >> "$scratch/$tree/02_dprobs.cpp"
    # The saved step's cmp() figures on a pass, as kata run shows them, then the next step.
    wait_for '^Step 2 of 28: dprobs +passed'
    wait_for '^Next: Step 4 of 28'
    expect '^  network  dprobs +\| exact: False \| approximate: True +\| maxdiff: 1.49e-08'
    expect '^  probe    dprobs +\| exact: True'
    kill -INT $pid
    wait $pid
    expect_exit $? 0
    expect 'Stopped watching' ;;
  watch-vim)
    # vim saves by renaming the old file away and writing a new one under the step's name: the
    # watch checks once the new file is closed, not while it is empty and open.
    cp -r "$root/$tree" "$scratch/$tree"
    "$kata" --root "$scratch" --no-build --steps-dir "$fake" watch > "$out" 2>&1 &
    pid=$!
    wait_for 'Watching'
    step=$scratch/$tree/02_dprobs.cpp
    mv "$step" "$step~"
    exec 3> "$step"
    sleep 1
    cat "$step~" >&3
    exec 3>&-
    rm "$step~"
    wait_for '^Step 2 of 28: dprobs +passed'
    sleep 1  # time for a check that should not come
    kill -INT $pid
    wait $pid
    expect_exit $? 0
    (($(grep -o Checking "$out" | wc -l) == 2)) || fail "checked $(grep -o Checking "$out" | wc -l) times, not twice"
    expect_not 'missing|does not compile' ;;
  watch-cancel)
    # A save while a check runs (here, a step that loops) stops that check and starts the next.
    cp -r "$root/$tree" "$scratch/$tree"
    KATA_FAKE_LOOP=dnorm_logits "$kata" --root "$scratch" --no-build --steps-dir "$fake" --time-limit 50 watch \
      > "$out" 2>&1 &
    pid=$!
    wait_for 'Checking'
    sleep 1
    echo "// saved" >> "$scratch/$tree/02_dprobs.cpp"
    for _ in $(seq 50); do (($(grep -o Checking "$out" | wc -l) >= 2)) && break; sleep 0.1; done
    (($(grep -o Checking "$out" | wc -l) >= 2)) || fail "the save did not restart the check"
    SECONDS=0
    kill -INT $pid
    wait $pid
    expect_exit $? 0
    ((SECONDS < 3)) || fail "Ctrl-C took $SECONDS s to stop a check"
    expect 'Stopped watching' ;;
  reset)
    repo=$scratch/repo
    mkdir -p "$repo/exercises"
    # A stub of its own, not the learner's file, which may be done.
    printf '%s\n' '#include "backprop/steps.h"' 'namespace backprop {' \
      'Matrix dcounts(const ColVector& counts_sum_inv, const Matrix& dprobs, const ColVector& dcounts_sum) {' \
      '  throw NotDone("dcounts");' '}' '}  // namespace backprop' > "$scratch/stub.cpp"
    cp "$scratch/stub.cpp" "$repo/exercises/05_dcounts.cpp"
    git() { command git -C "$repo" -c user.name=kata -c user.email=kata@example.com "$@"; }
    git init -q && git add exercises && git commit -qm shipped || fail "git"
    # Not sed -i: macOS's takes a suffix argument that GNU's does not.
    sed 's/throw NotDone("dcounts");/return dprobs;  \/\/ the learner'"'"'s answer/' "$repo/exercises/05_dcounts.cpp" \
      > "$scratch/answer.cpp" && mv "$scratch/answer.cpp" "$repo/exercises/05_dcounts.cpp"
    cp "$repo/exercises/05_dcounts.cpp" "$scratch/answer.cpp"
    git commit -qam "the learner's answer" || fail "git"
    "$kata" --root "$repo" --build-dir "$scratch/build" reset dcounts < /dev/null > "$out" 2>&1
    expect_exit $? 2
    expect 'not a terminal: pass --yes'
    cmp -s "$repo/exercises/05_dcounts.cpp" "$scratch/answer.cpp" || fail "reset without --yes changed the file"
    "$kata" --root "$repo" --build-dir "$scratch/build" reset dcounts --yes > "$out" 2>&1
    expect_exit $? 0
    cmp -s "$repo/exercises/05_dcounts.cpp" "$scratch/stub.cpp" || fail "not the shipped stub"
    cmp -s "$scratch/build/kata-reset/05_dcounts.cpp" "$scratch/answer.cpp" || fail "no copy of the answer"
    "$kata" --root "$repo" --build-dir "$scratch/build" reset 5 --yes > "$out" 2>&1
    expect_exit $? 0
    expect 'already as shipped'
    # A deleted file comes back; there was nothing to keep.
    rm "$repo/exercises/05_dcounts.cpp"
    "$kata" --root "$repo" --build-dir "$scratch/build" reset 5 --yes > "$out" 2>&1
    expect_exit $? 0
    cmp -s "$repo/exercises/05_dcounts.cpp" "$scratch/stub.cpp" || fail "not the shipped stub"
    expect 'Put back .*05_dcounts.cpp'
    expect_not 'your version is in' ;;
  train)
    # kata train builds the trainer, then runs it with every argument after `train`.
    write_targets "$scratch/build"
    mkdir -p "$scratch/build/programs"
    printf '#!/bin/bash\necho "trainer ran with: $*"\n' > "$scratch/build/programs/any_trainer"
    chmod +x "$scratch/build/programs/any_trainer"
    KATA_FAKE_NINJA_LOG=$scratch/ninja.log "$kata" --build-dir "$scratch/build" --ninja "$fake_ninja" train \
      --steps 5 --help > "$out" 2>&1
    expect_exit $? 0
    expect '^trainer ran with: --steps 5 --help$'
    grep -q -- "-C $scratch/build -k 0 any_trainer$" "$scratch/ninja.log" || fail "the trainer was not built first" ;;
  saved)
    # kata (the status) shows the last run's verdict of a step whose file, runner, judge and
    # reference case are unchanged, timed out included, without running it again; a changed file
    # runs it again; kata report never reads a saved verdict.
    cp -r "$root/$tree" "$scratch/$tree"
    mkdir -p "$scratch/build" && ln -s "$fake" "$scratch/build/steps"
    timed() {
      local start
      start=$(date +%s%N)
      KATA_FAKE_LOOP=dcounts "$kata" --root "$scratch" --build-dir "$scratch/build" --no-build --time-limit 1 "$@" \
        > "$out" 2>&1
      expect_exit $? 0
      took=$((($(date +%s%N) - start) / 1000000))
    }
    timed status
    ((took >= 3000)) || fail "the first status took $took ms: the looping step was not run"
    expect '^ +5  dcounts +timed out'
    expect_not 'From the last run'
    timed status
    ((took < 3000)) || fail "the second status took $took ms: it ran the looping step again"
    expect '^ +5  dcounts +timed out +stopped after 1 s'
    expect '^ +4  dcounts_sum +False +False +2 '
    expect 'From the last run, as nothing they depend on has changed: dlogprobs, .*[ ]dcounts, .*kata run <step>'
    touch "$scratch/$tree/05_dcounts.cpp"
    timed status
    ((took >= 3000)) || fail "status took $took ms after 05_dcounts.cpp changed: it did not run the step again"
    expect_not 'From the last run.*[ ]dcounts[,.]'
    expect '^ +5  dcounts +timed out'
    start=$(date +%s%N)
    KATA_FAKE_LOOP=dcounts "$kata" --root "$scratch" --build-dir "$scratch/build" --no-build --time-limit 1 report \
      --out "$scratch/report" > "$out" 2>&1
    expect_exit $? 1
    took=$((($(date +%s%N) - start) / 1000000))
    ((took >= 3000)) || fail "kata report took $took ms: it read a saved verdict"
    expect_not 'From the last run' ;;
  usage)
    "$kata" --no-build --steps-dir "$fake" run dcount > "$out" 2>&1
    expect_exit $? 2
    expect "no step is named 'dcount'; did you mean dcounts"
    "$kata" run dcount --no-build --steps-dir "$fake" > "$out" 2>&1  # the options also after the command
    expect_exit $? 2
    expect "no step is named 'dcount'; did you mean dcounts"
    "$kata" frobnicate > "$out" 2>&1
    expect_exit $? 2
    "$kata" list > "$out" 2>&1
    expect_exit $? 0
    expect '^ +28  batchnorm_backward' ;;
  *)
    fail "unknown scenario $scenario" ;;
esac
echo "ok: $scenario"
