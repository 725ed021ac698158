#!/bin/bash
# Regenerates docs/pictures/targets.svg, the picture in docs/architecture.md, from the repository
# root: CMake's own graph of the build's targets (cmake --graphviz) in a scratch configure of the
# solutions, drawn by Graphviz. Every step has a step_NN object library and an NN runner: only
# step 1's are drawn, and neither the test programs nor the external libraries.
#
#   docs/make_architecture.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$root/docs/pictures"
cat > "$scratch/CMakeGraphVizOptions.cmake" << 'OPTIONS'
set(GRAPHVIZ_GRAPH_NAME "backprop-ninja")
set(GRAPHVIZ_EXTERNAL_LIBS FALSE)
set(GRAPHVIZ_GENERATE_PER_TARGET FALSE)
set(GRAPHVIZ_GENERATE_DEPENDERS FALSE)
set(GRAPHVIZ_IGNORE_TARGETS "^(step_)?(0[2-9]|[12][0-9])_" "_tests?$" "^xml_check$" "^backprop_warnings$"
  "^backprop_catch")
OPTIONS
cmake -S "$root" -B "$scratch" -G Ninja -D BACKPROP_TREE=solutions -D BACKPROP_UNIT_TESTS=OFF \
  --graphviz="$scratch/targets.dot" > "$scratch/configure.log" || { cat "$scratch/configure.log"; exit 1; }
dot -Tsvg "$scratch/targets.dot" -o "$root/docs/pictures/targets.svg"
echo "Written: docs/pictures/targets.svg"
