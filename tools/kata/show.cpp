// kata show: where the learner's gradient differs from PyTorch's, as pictures.
#include <fmt/format.h>

#include "backprop/exit_status.h"
#include "backprop/files.h"
#include "backprop/npy.h"
#include "formats.h"
#include "pictures.h"
#include "process.h"

namespace kata {
namespace {

using backprop::State;

plot::Grid read_grid(const std::string& file) {
  const auto array = backprop::npy::read(file);
  if (array.dtype != backprop::npy::DType::float32)
    throw backprop::npy::Error(file + ": expected float32 (<f4), found " + to_string(array.dtype));
  return plot::grid_of(array.shape, array.f32);
}

std::string dims(const plot::Grid& grid) { return fmt::format("({}, {})", grid.rows, grid.cols); }

plot::Row case_row(const std::string& which, const backprop::CaseReport& report) {
  if (report.got_npy.empty())
    throw std::runtime_error("the step's test saved no tensors (" + std::string(backprop::kTensorsVariable) +
                             " unset?)");
  const auto& cmp = report.comparison;
  const auto yours = read_grid(report.got_npy), expected = read_grid(report.expected_npy);
  plot::Row row;
  const bool same_shape = yours.rows == expected.rows && yours.cols == expected.cols;
  // cmp()'s maxdiff of misshapen tensors is 0, which reads as a match.
  row.heading = same_shape
                    ? fmt::format("{} {} {}: approximate: {}, maxdiff: {}", which, cmp.name, dims(expected),
                                  backprop::python_bool(cmp.approximate), cmp.maxdiff_text())
                    : fmt::format("{} {}: shapes differ: {} vs {}", which, cmp.name, dims(yours), dims(expected));
  row.scales.push_back({"yours and PyTorch's, one scale", plot::scale_of({&yours, &expected})});
  row.panels.push_back({"yours", yours, 0});
  row.panels.push_back({"PyTorch", expected, 0});
  if (same_shape) {
    plot::Grid difference = yours;
    for (std::size_t i = 0; i < difference.values.size(); ++i) difference.values[i] -= expected.values[i];
    row.scales.push_back({"yours - PyTorch, its own scale", plot::scale_of({&difference})});
    row.panels.push_back({"yours - PyTorch", std::move(difference), 1});
  } else {
    row.note =
        fmt::format("The shapes differ: yours {}, PyTorch's {}: no difference to draw.", dims(yours), dims(expected));
  }
  return row;
}

}  // namespace

plot::Figure show_figure(const backprop::Step& step, const backprop::StepReport& report) {
  plot::Figure figure;
  figure.title = fmt::format("Step {}: {}, yours against PyTorch's", step.number, step.name);
  if (report.network) figure.rows.push_back(case_row("network", *report.network));
  if (report.probe) figure.rows.push_back(case_row("probe  ", *report.probe));
  return figure;
}

int print_show(const Console& console, const backprop::Step& step, const backprop::StepReport& report,
               const std::filesystem::path& svg_file) {
  if (!report.network) {
    console.out << "\nNothing to draw: the step returned no gradient.\n";
    return backprop::kExitFailure;
  }
  const auto figure = show_figure(step, report);
  const auto& terminal = console.terminal;
  if (!terminal.output) {
    console.out << '\n' << plot::render_table(figure);
  } else {
    const auto colours = !terminal.color      ? plot::Colours::none
                         : terminal.truecolor ? plot::Colours::truecolor
                                              : plot::Colours::palette256;
    console.out << '\n' << plot::render_terminal(figure, colours, terminal.width, terminal.height);
  }
  if (!svg_file.empty()) {
    backprop::write_text(svg_file, plot::render_svg(figure));
    console.out << "\nThe picture is in " << shown(svg_file) << '\n';
  }
  return report.state == State::passed ? 0 : backprop::kExitFailure;
}

int command_show(const Console& console, const Settings& settings, const backprop::Step& step,
                 const std::filesystem::path& svg_file) {
  const auto outcome =
      check_step_into(console, settings, step, backprop::kTensorsVariable, settings.build_dir / "kata-show");
  if (!outcome) return unchecked_status();
  return print_show(console, step, outcome->steps.at(step.name), svg_file);
}

}  // namespace kata
