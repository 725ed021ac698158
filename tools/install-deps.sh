#!/bin/sh
# Installs what backprop-ninja needs with this system's own package manager: GCC, and Clang, which
# the exercises build prefers (tools/prefer-clang.cmake); CMake, Ninja, Eigen, Catch2, nlohmann-json,
# fmt and CLI11; on Linux libseccomp and the static C and C++ libraries, which confine each step's
# program (tests/runner/judge.h). The one list of packages: README.md quotes these lines (a test keeps
# them equal), CI and the dev container run this script.
#
#   tools/install-deps.sh                  install for this system (through sudo when not root)
#   tools/install-deps.sh --print [SYSTEM]  print the command instead; SYSTEM: debian, fedora, macos
set -eu

command_for() {
  case "$1" in
    debian) echo "apt-get install -y git cmake ninja-build g++ clang libeigen3-dev catch2 nlohmann-json3-dev libfmt-dev libcli11-dev libseccomp-dev" ;;
    fedora) echo "dnf install -y git cmake ninja-build gcc-c++ clang eigen3-devel catch-devel json-devel fmt-devel cli11-devel libseccomp-devel glibc-static libstdc++-static" ;;
    macos) echo "brew install git cmake ninja eigen catch2 nlohmann-json fmt cli11" ;;
    *)
      echo "install-deps.sh: unknown system '$1'; expected debian (also Ubuntu and WSL), fedora or macos" >&2
      exit 2
      ;;
  esac
}

# Which of the three this machine is, from /etc/os-release (ID and ID_LIKE) or uname.
this_system() {
  if [ "$(uname -s)" = Darwin ]; then
    echo macos
    return
  fi
  if [ -r /etc/os-release ]; then
    ids=$(. /etc/os-release && echo "${ID:-} ${ID_LIKE:-}")
    case " $ids " in
      *" debian "* | *" ubuntu "*) echo debian && return ;;
      *" fedora "* | *" rhel "*) echo fedora && return ;;
    esac
  fi
  echo "install-deps.sh: cannot tell this system's package manager (no Debian, Ubuntu, Fedora or macOS found)." >&2
  echo "README.md lists the packages to install by hand." >&2
  exit 2
}

case "${1:-}" in
  --print)
    command_for "${2:-$(this_system)}"
    exit 0
    ;;
  -h | --help)
    sed -n '2,9s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
  "") ;;
  *)
    echo "install-deps.sh: unknown option '$1'; see tools/install-deps.sh --help" >&2
    exit 2
    ;;
esac

system=$(this_system)
install=$(command_for "$system")
# Homebrew refuses to run as root; apt-get and dnf need it.
if [ "$system" != macos ] && [ "$(id -u)" != 0 ]; then
  install="sudo $install"
fi
if [ "$system" = debian ]; then
  echo "+ ${install%% install*} update"
  ${install%% install*} update
fi
echo "+ $install"
# shellcheck disable=SC2086 # the package list is meant to split into words
exec $install
