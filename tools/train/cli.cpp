#include "cli.h"

#include <fmt/format.h>

#include "backprop/manifest.h"
#include "commands.h"
#include "flags.h"

namespace train {

std::string not_done_message(const backprop::NotDone& e) {
  const auto* step = backprop::find_step(e.step());
  if (!step) return e.what();
  std::string message = fmt::format("{}: {}, then rebuild", e.what(), backprop::edit_message(*step));
  if (step->exercise != 1)
    message +=
        fmt::format(". The default backward is the fused one of exercises 2 and 3; --chain trains on exercise 1 alone");
  return message;
}

int run(const std::vector<std::string>& args, const Console& console) {
  Options options;
  CLI::App app{
      "Exercise 4 of makemore part 4: the lecture's MLP trained with your own backward pass.\n"
      "Without a subcommand: train, calibrate BatchNorm, print the train/val/test loss, sample names.",
      "train"};
  const auto [sample, gradcheck] = add_flags(app, options);

  std::vector<const char*> argv{"train"};
  for (const auto& arg : args) argv.push_back(arg.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::Success& e) {
    return app.exit(e, console.out, console.err);
  } catch (const CLI::ParseError& e) {
    app.exit(e, console.out, console.err);
    return kExitUsage;
  }

  try {
    if (*sample) return run_sample(options, console);
    if (*gradcheck) return run_gradcheck(options, console);
    return run_train(options, console);
  } catch (const UsageError& e) {
    console.err << "train: " << e.what() << '\n';
    return kExitUsage;
  } catch (const backprop::NotDone& e) {
    console.err << "train: " << not_done_message(e) << '\n';
    return kExitFailure;
  } catch (const std::exception& e) {
    console.err << "train: " << e.what() << '\n';
    return kExitFailure;
  }
}

}  // namespace train
