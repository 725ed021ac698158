#!/bin/bash
# Regenerates the pictures of the docs, from the repository root, after `cmake --preset solutions`:
#
#   docs/make_pictures.sh
#
# From the trainer on the solutions (names.txt; 200,000 steps, the default run):
#   docs/loss.svg, docs/loss.csv     the loss curve, with the validation loss beside it
#   docs/pictures/h.svg              h's histogram and saturated share, at initialisation and trained
#   docs/pictures/h_saturated.svg    h.abs() > 0.99 of the first batch, at initialisation and trained
#   docs/pictures/dlogits.svg        dlogits of the first batch, as an image
# From kata show on a cross_entropy_backward that forgot the 1/n, in a scratch copy of the
# repository whose exercises/27 is that answer (the reference case and its probes: rerun this
# when data/reference changes):
#   docs/pictures/kata-show.svg      kata show --svg
#   docs/pictures/kata-show.txt      what the terminal shows with NO_COLOR, 100 columns wide, which
#                                    docs/steps/27_cross_entropy_backward.md quotes
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build/solutions
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$root/docs/pictures"

cmake --build "$build" --target train
"$build/tools/train/train" --quiet --samples 0 --loss-csv "$root/docs/loss.csv" --plots "$scratch/plots"
cp "$scratch/plots/loss.svg" "$root/docs/loss.svg"
cp "$scratch/plots/h.svg" "$scratch/plots/h_saturated.svg" "$scratch/plots/dlogits.svg" "$root/docs/pictures/"

# The learner's tree as a learner has it, with the answer that forgot to divide by n.
mkdir "$scratch/src"
git -C "$root" ls-files -z | (cd "$root" && xargs -0 cp --parents -t "$scratch/src")
sed 's|  return dlogits / n;|  return dlogits;  // forgot the 1/n|' "$root/solutions/27_cross_entropy_backward.cpp" \
  > "$scratch/src/exercises/27_cross_entropy_backward.cpp"
grep -q 'forgot the 1/n' "$scratch/src/exercises/27_cross_entropy_backward.cpp" ||
  { echo "make_pictures.sh: solutions/27 no longer ends with 'return dlogits / n;'" >&2; exit 1; }
cd "$scratch/src"
cmake --preset exercises > /dev/null
cmake --build --preset exercises --target kata 27_cross_entropy_backward
# script(1) gives kata a terminal, so that it draws rather than tabulates.
NO_COLOR=1 COLUMNS=100 script -qec "build/exercises/kata show cross_entropy_backward --svg kata-show.svg" /dev/null |
  tr -d '\r' > "$root/docs/pictures/kata-show.txt" || true
cp kata-show.svg "$root/docs/pictures/kata-show.svg"
echo "Pictures written to docs/; paste docs/pictures/kata-show.txt into docs/steps/27_cross_entropy_backward.md"
