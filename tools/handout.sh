#!/usr/bin/env bash
# The hand-out: the kata as learners get it, without the answers.
#   tools/handout.sh [--classroom] DEST      (from a checkout; DEST must not exist)
# Writes the committed tree of HEAD to DEST without solutions/ (the answers), .ci/ and the platforms'
# GitHub workflow (CI builds the solutions), as a new git repository with one commit, so that `kata reset` finds the stubs in its
# history. README.md loses its blocks between <!-- instructor-only --> and <!-- /instructor-only -->
# (each marker alone on its line): commands and files that a hand-out does not have; and the
# comments that tell .ci/docs how to run its blocks. Everything else
# stays: the tests' mutants are near-answers, as README.md says, and a held-out reference case is
# never in the repository (docs/instructor.md). --classroom adds GitHub Classroom's autograding, a
# point per step, and the check that refuses to grade changed files outside exercises/
# (tools/classroom/workflow.cmake).
set -euo pipefail
classroom=false
if [ "${1:-}" = --classroom ]; then
  classroom=true
  shift
fi
if [ $# -ne 1 ] || [[ $1 == -* ]]; then
  echo "usage: tools/handout.sh [--classroom] DEST" >&2
  exit 2
fi
dest=$1
if [ -e "$dest" ]; then
  echo "tools/handout.sh: $dest exists; give a new folder" >&2
  exit 2
fi
# DEST is named from the caller's folder, not the checkout's.
mkdir -p "$(dirname "$dest")"
dest=$(cd "$(dirname "$dest")" && pwd)/$(basename "$dest")
cd "$(dirname "$0")/.."
if ! git diff --quiet HEAD -- exercises; then
  echo "tools/handout.sh: exercises/ has uncommitted changes; the hand-out is made from HEAD's stubs" >&2
fi
mkdir -p "$dest"
trap 'rm -rf "$dest"' EXIT  # a hand-out that failed halfway is no hand-out
git archive --format=tar HEAD | tar -x -C "$dest"
rm -rf "$dest/solutions" "$dest/.ci" "$dest/.github/workflows/platforms.yml"
awk '
  function fail(why) { printf "tools/handout.sh: README.md:%d: %s\n", NR, why > "/dev/stderr"; failed = 1; exit 1 }
  /^<!-- instructor-only -->$/ { if (open) fail("<!-- instructor-only --> inside the block opened at line " open); open = NR; next }
  /^<!-- \/instructor-only -->$/ { if (!open) fail("<!-- /instructor-only --> closes no block"); open = 0; closed = 1; next }
  /instructor-only/ { fail("an instructor-only marker must be alone on its line") }
  # .ci/docs'"'"' markers, for CI, which the hand-out does not have.
  /^[ \t]*<!-- (not run|fails as shipped|timeout|output of|output not checked)[ :-]/ { next }
  # A removed block leaves one blank line, not two.
  !open { if ($0 == "" && blank && closed) next; closed = 0; blank = ($0 == ""); print }
  END { if (!failed && open) { NR = open; fail("<!-- instructor-only --> is never closed") } }
' "$dest/README.md" > "$dest/README.md.learner"
mv "$dest/README.md.learner" "$dest/README.md"
git -C "$dest" init -q
git -C "$dest" add -A
if $classroom; then
  cmake -D HANDOUT="$dest" -P "$dest/tools/classroom/workflow.cmake"
  git -C "$dest" add -A
fi
git -C "$dest" -c user.name=backprop-ninja -c user.email=handout@backprop-ninja.invalid commit -qm \
  "backprop-ninja hand-out, from $(git rev-parse --short HEAD)"
trap - EXIT
echo "The hand-out is in $dest: $(git -C "$dest" ls-files | wc -l) files, no solutions/. Learners start with"
echo "  cd $dest && tools/install-deps.sh && cmake --workflow --preset exercises"
