// kata's pictures: `kata show STEP` draws the learner's gradient beside PyTorch's and their
// difference (show.cpp); `kata graph` colours the computation graph by the learner's verdicts
// (graph.cpp). Both read the step report (lib/backprop/report.h), never kata's printed text.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "backprop/manifest.h"
#include "backprop/report.h"
#include "harness.h"
#include "heatmap.h"
#include "present.h"

namespace kata {

// The network case and the probe of a report, each as three heatmaps: the learner's tensor, the
// expected one on the same scale, and their difference on its own (left out, with a note, when
// the shapes differ). Reads the .npy files the report names; throws backprop::npy::Error.
plot::Figure show_figure(const backprop::Step& step, const backprop::StepReport& report);

// Prints a checked step's figure as the console's terminal shows it: in colour (24-bit or 256), in
// shades without colours, as a table without a terminal; and writes it as SVG to svg_file unless
// that is empty. 0 if the step passed, else 1.
int print_show(const Console& console, const backprop::Step& step, const backprop::StepReport& report,
               const std::filesystem::path& svg_file);

// Rebuilds and checks the step with its tensors saved, prints its verdict, then print_show.
int command_show(const Console& console, const Settings& settings, const backprop::Step& step,
                 const std::filesystem::path& svg_file);

// The fill colour of a node whose step is in this state.
std::string_view state_colour(backprop::State state);

// docs/graph.dot with each tensor whose gradient a step computes filled in the colour of its
// step's state (two stripes where two steps compute it), the states in its label, and a legend.
// `states` is by step name; steps not in it are left as they are.
std::string coloured_graph(const std::string& dot, const std::map<std::string, backprop::State>& states);

// Checks every step and writes the coloured graph to <build dir>/kata-graph.dot, and as SVG with
// Graphviz's dot when it is installed; else prints the command that renders it.
int command_graph(const Console& console, const Settings& settings);

}  // namespace kata
