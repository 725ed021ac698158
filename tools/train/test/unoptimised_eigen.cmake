# Fails when an Eigen function is defined both by one of the trainer's unoptimised objects and by an
# optimised one: the linker keeps one copy of such a (weak) function, and it may keep the slow one for
# the training loop. Eigen's cold throw_std_bad_alloc is the one allowed.
#   cmake -DNM=nm -DUNOPTIMISED=a.o|b.o -DOPTIMISED=c.o|d.o -P unoptimised_eigen.cmake
cmake_minimum_required(VERSION 3.25)

foreach(variable NM UNOPTIMISED OPTIMISED)
  if(NOT ${variable})
    message(FATAL_ERROR "unoptimised_eigen.cmake: -D${variable}=... is missing")
  endif()
endforeach()

# The functions of Eigen's namespace (mangled: _ZN5Eigen, _ZNK5Eigen) that an object defines.
function(eigen_functions object out)
  execute_process(COMMAND ${NM} -P -g --defined-only ${object}
    OUTPUT_VARIABLE listing ERROR_VARIABLE error RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${NM} could not read ${object}: ${error}")
  endif()
  string(REGEX MATCHALL "_ZNK?5Eigen[^ \n]* [TW] " lines "${listing}")
  list(TRANSFORM lines REPLACE " [TW] $" "")
  list(FILTER lines EXCLUDE REGEX "throw_std_bad_alloc")
  set(${out} ${lines} PARENT_SCOPE)
endfunction()

string(REPLACE "|" ";" optimised "${OPTIMISED}")
set(optimised_functions "")
foreach(object IN LISTS optimised)
  eigen_functions(${object} functions)
  list(APPEND optimised_functions ${functions})
endforeach()
list(REMOVE_DUPLICATES optimised_functions)
list(LENGTH optimised_functions optimised_count)

string(REPLACE "|" ";" unoptimised "${UNOPTIMISED}")
set(shared "")
foreach(object IN LISTS unoptimised)
  eigen_functions(${object} functions)
  foreach(function IN LISTS functions)
    if(function IN_LIST optimised_functions)
      list(APPEND shared "${object}: ${function}")
    endif()
  endforeach()
endforeach()
list(LENGTH unoptimised unoptimised_count)
if(shared)
  list(JOIN shared "\n  " shared)
  message(FATAL_ERROR "Eigen functions defined by an unoptimised object of the trainer and by an optimised one "
    "(c++filt demangles them; a unity_N_cxx.cxx.o is the files its .cxx beside it includes): compile that file at "
    "-O3 again (tools/train/CMakeLists.txt), or keep the Eigen code "
    "out of it:\n  ${shared}")
endif()
message(STATUS "${unoptimised_count} unoptimised objects define none of the ${optimised_count} Eigen functions "
  "of the optimised ones")
