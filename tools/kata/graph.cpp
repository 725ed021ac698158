// kata graph: the computation graph of docs/graph.dot, each tensor coloured by the verdict of the
// step that computes its gradient.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <regex>
#include <sstream>

#include "backprop/exit_status.h"
#include "backprop/files.h"
#include "formats.h"
#include "lookup.h"
#include "pictures.h"
#include "process.h"

namespace kata {
namespace {

using backprop::State;

constexpr State kStates[] = {State::passed,    State::failed, State::not_done, State::does_not_compile,
                             State::timed_out, State::threw,  State::crashed};

// Where a program is on PATH, or "" when it is not.
std::filesystem::path on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream folders(path ? path : "");
  for (std::string folder; std::getline(folders, folder, ':');) {
    const auto file = std::filesystem::path(folder.empty() ? "." : folder) / program;
    if (access(file.c_str(), X_OK) == 0) return file;
  }
  return {};
}

}  // namespace

// Okabe and Ito's colours, told apart with any common colour blindness; the label says the state
// in words too.
std::string_view state_colour(State state) {
  switch (state) {
    case State::passed:
      return "#56b4e9";  // sky blue
    case State::failed:
      return "#e69f00";  // orange
    case State::not_done:
      return "#ffffff";  // white
    case State::does_not_compile:
      return "#cc79a7";  // reddish purple
    default:
      return "#f0e442";  // yellow: timed out, threw, crashed
  }
}

std::string coloured_graph(const std::string& dot, const std::map<std::string, State>& states) {
  // The steps by the tensor they differentiate: "logits" has steps 8 and 27.
  std::map<std::string, std::vector<std::pair<const backprop::Step*, State>>> by_tensor;
  for (const auto& step : backprop::steps())
    if (const auto it = states.find(step.name); it != states.end())
      by_tensor[step.output.substr(1)].push_back({&step, it->second});
  const auto end = dot.rfind('}');
  if (end == std::string::npos) throw std::runtime_error("the graph has no closing }");
  // Statements after a node's own set its attributes again, so the graph's source is left whole.
  std::string added = "\n  // kata's verdicts.\n";
  for (const auto& [tensor, steps] : by_tensor) {
    std::smatch label;
    if (!std::regex_search(dot, label, std::regex("\\n\\s*" + tensor + R"re( \[label="([^"]*)")re"))) continue;
    // The verdicts take the place of the label's last line, "step 8, 27", to keep the picture short.
    std::string text = label[1].str();
    if (const auto last = text.rfind("\\n"); last != std::string::npos && text.compare(last + 2, 5, "step ") == 0)
      text.erase(last);
    std::string fill;
    for (const auto& [step, state] : steps) {
      text += fmt::format("\\nstep {}: {}", step->number, backprop::in_words(state));
      fill += fmt::format("{}{}", fill.empty() ? "" : ";0.5:", state_colour(state));
    }
    // By value: clang before 16 cannot capture a structured binding.
    const auto first_state = steps[0].second;
    const bool one =
        std::all_of(steps.begin(), steps.end(), [first_state](const auto& s) { return s.second == first_state; });
    if (one) fill = state_colour(steps[0].second);
    added += fmt::format("  {} [label=\"{}\", fillcolor=\"{}\", style=\"{}\"];\n", tensor, text, fill,
                         one ? "rounded,filled" : "striped");
  }
  // The legend: one table, two rows, so that it adds neither a column nor a rank of its own.
  constexpr auto per_row = (std::size(kStates) + 1) / 2;
  std::string cells[2];
  for (std::size_t i = 0; i < std::size(kStates); ++i)
    cells[i / per_row] +=
        fmt::format(R"(<td bgcolor="{}">{}</td>)", state_colour(kStates[i]), backprop::in_words(kStates[i]));
  added += fmt::format(
      "  kata_legend [shape=plain, style=\"\", fontsize=9, label=<<table border=\"0\" cellborder=\"1\" "
      "cellspacing=\"2\" cellpadding=\"2\"><tr><td border=\"0\" colspan=\"{}\">kata's verdicts</td></tr>"
      "<tr>{}</tr><tr>{}</tr></table>>];\n",
      per_row, cells[0], cells[1]);
  return dot.substr(0, end) + added + dot.substr(end);
}

int command_graph(const Console& console, const Settings& settings) {
  const auto source = settings.root / "docs" / "graph.dot";
  const auto dot = backprop::read_text(source);
  const auto outcome = check_and_explain(console, settings, {.steps = all_step_names()});
  if (!outcome) return unchecked_status();
  std::map<std::string, State> states;
  for (const auto& [name, report] : outcome->steps) states[name] = report.state;
  const auto dot_file = settings.build_dir / "kata-graph.dot", svg_file = settings.build_dir / "kata-graph.svg";
  backprop::write_text(dot_file, coloured_graph(dot, states));
  print_progress(console, *outcome);
  const auto graphviz = on_path("dot");
  if (graphviz.empty()) {
    console.out << "The graph is in " << shown(dot_file) << ". To draw it, install Graphviz (Debian and Ubuntu: sudo "
                << "apt-get install graphviz; Homebrew: brew install graphviz), then run\n  dot -Tsvg "
                << shown(dot_file) << " -o " << shown(svg_file) << '\n';
    return 0;
  }
  const auto drawn = run_process({graphviz.string(), "-Tsvg", dot_file.string(), "-o", svg_file.string()});
  if (!drawn.ok()) {
    console.out << console.red("dot could not draw ") << shown(dot_file) << ":\n" << drawn.output;
    return backprop::kExitFailure;
  }
  console.out << "The graph is in " << shown(svg_file) << ": open it in a browser.\n";
  return 0;
}

}  // namespace kata
