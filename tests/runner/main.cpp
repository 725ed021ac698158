// The runner's main: reads the step's inputs, calls the step and sends its answer (wire.h). It is
// started by the judge inside its confinement (judge.cpp), so it opens nothing and starts nothing:
// what the step prints goes to the judge on stdout and stderr, the answer on its own fd.
#include <execinfo.h>
#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <exception>
#include <stdexcept>
#include <variant>

#include "backprop/steps.h"
#include "runner.h"

namespace backprop {
namespace {

// A failed Eigen check, with where it happened as return addresses: the judge turns them into the
// learner's file and line, since a confined runner cannot read its own debug information.
struct EigenCheckFailedAt : EigenCheckFailed {
  EigenCheckFailedAt(const std::string& check, std::vector<std::uint64_t> at)
      : EigenCheckFailed(check), addresses(std::move(at)) {}
  std::vector<std::uint64_t> addresses;
};

}  // namespace

void eigen_check_failed(const char* condition, const char* file, int line) {
  void* frames[64];
  const int count = backtrace(frames, 64);
  std::vector<std::uint64_t> addresses;
  for (int i = 1; i < count; ++i) addresses.push_back(reinterpret_cast<std::uintptr_t>(frames[i]));
  const std::string path = file;
  throw EigenCheckFailedAt(std::string("Eigen check failed: ") + condition + " (" +
                               path.substr(path.find_last_of('/') + 1) + ":" + std::to_string(line) + ")",
                           std::move(addresses));
}

}  // namespace backprop

namespace kata::runner {

template <typename Parameter>
Parameter from_wire(const wire::Tensor& tensor) {
  using Value = typename Parameter::Scalar;
  const auto* values = std::get_if<std::vector<Value>>(&tensor.values);
  if (values == nullptr) throw std::runtime_error("the judge sent an input of the wrong type");
  if constexpr (Parameter::IsVectorAtCompileTime) {
    if ((Parameter::RowsAtCompileTime == 1 ? tensor.rows : tensor.cols) != 1)
      throw std::runtime_error("the judge sent a matrix for a vector");
    return Eigen::Map<const Parameter>(values->data(), static_cast<Eigen::Index>(values->size()));
  } else {
    return Eigen::Map<const Parameter>(values->data(), tensor.rows, tensor.cols);
  }
}

template backprop::Matrix from_wire(const wire::Tensor&);
template backprop::RowVector from_wire(const wire::Tensor&);
template backprop::ColVector from_wire(const wire::Tensor&);
template backprop::IndexMatrix from_wire(const wire::Tensor&);
template backprop::IndexVector from_wire(const wire::Tensor&);

}  // namespace kata::runner

namespace {

#ifdef __linux__
// The confinement's filter traps a call the runner may not make: say which, then end.
void on_denied_call(int, siginfo_t* info, void*) {
  kata::wire::send_denied_call(kata::wire::kAnswerFd, info->si_syscall);
  _exit(1);
}
#endif

}  // namespace

// Under AddressSanitizer (the sanitize preset): LeakSanitizer stops the world at exit with a thread
// of its own, which the runner's filter denies; a runner lives for one call, so leaks do not matter.
#if defined(__SANITIZE_ADDRESS__)
#define KATA_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KATA_ADDRESS_SANITIZER 1
#endif
#endif
#ifdef KATA_ADDRESS_SANITIZER
extern "C" const char* __asan_default_options() { return "detect_leaks=0"; }
#endif

int main() {
  using namespace kata;
#ifdef __linux__
  struct sigaction action {};
  action.sa_sigaction = on_denied_call;
  action.sa_flags = SA_SIGINFO;
  sigaction(SIGSYS, &action, nullptr);
#endif
  const auto inputs = wire::read_inputs(wire::kInputFd);
  if (!inputs) {
    wire::send_threw(wire::kAnswerFd, "the runner was started without well-formed inputs (run it through its judge)");
    return 2;
  }
  try {
    const backprop::Matrix gradient = runner::call_step(*inputs);
    wire::send_gradient(wire::kAnswerFd, gradient.rows(), gradient.cols(), gradient.data());
  } catch (const backprop::NotDone&) {
    wire::send_not_done(wire::kAnswerFd);
  } catch (const backprop::EigenCheckFailedAt& e) {
    wire::send_eigen_failure(wire::kAnswerFd, e.what(), e.addresses);
  } catch (const std::exception& e) {
    wire::send_threw(wire::kAnswerFd, e.what());
  } catch (...) {
    wire::send_threw(wire::kAnswerFd, "something that is not a std::exception");
  }
  return 0;
}
