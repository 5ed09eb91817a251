# SPDX-License-Identifier: Apache-2.0
# Criterion for the unit tests: the interface target pathwalk_criterion and the object library
# unit_criterion_git (tests/unit/criterion_git.c), which every unit test links.
# Criterion re-executes the test binary for every test, so each test pays what a process loads at
# start. Linked shared, criterion brings libgit2 and its chain (about twenty shared libraries).
# Linked from its static archives (libcriterion-dev, libboxfort-dev, libffi-dev and libnanopb-dev,
# whose archive criterion's pkg-config file names though libcriterion-dev does not depend on it),
# a test process loads libc and nanomsg only, and criterion_git.c loads libgit2 with dlopen when an
# assertion fails and needs a diff. When an archive is missing, criterion is linked shared.
pkg_check_modules(CRITERION REQUIRED IMPORTED_TARGET criterion)
find_package(Threads REQUIRED)
find_path(GIT2_INCLUDE_DIR git2.h)
find_library(GIT2_SHARED NAMES git2)
if(NOT GIT2_INCLUDE_DIR OR NOT GIT2_SHARED)
  message(FATAL_ERROR "libgit2 (criterion's, for assertion diffs) is missing: apt-get install libcriterion-dev")
endif()
get_filename_component(GIT2_SHARED_REAL ${GIT2_SHARED} REALPATH)

find_library(CRITERION_ARCHIVE NAMES libcriterion.a HINTS ${CRITERION_LIBRARY_DIRS})
find_library(BOXFORT_ARCHIVE NAMES libboxfort.a HINTS ${CRITERION_LIBRARY_DIRS})
find_library(FFI_ARCHIVE NAMES libffi.a HINTS ${CRITERION_LIBRARY_DIRS})
find_library(NANOPB_ARCHIVE NAMES libprotobuf-nanopb.a HINTS ${CRITERION_LIBRARY_DIRS})
find_library(NANOMSG_SHARED NAMES nanomsg HINTS ${CRITERION_LIBRARY_DIRS})

add_library(pathwalk_criterion INTERFACE)
if(CRITERION_ARCHIVE AND BOXFORT_ARCHIVE AND FFI_ARCHIVE AND NANOPB_ARCHIVE AND NANOMSG_SHARED)
  message(STATUS "criterion: static archives (libgit2 loaded on a failing assertion's diff)")
  target_include_directories(pathwalk_criterion INTERFACE ${CRITERION_INCLUDE_DIRS})
  target_link_libraries(pathwalk_criterion INTERFACE ${CRITERION_ARCHIVE} ${NANOPB_ARCHIVE}
    ${BOXFORT_ARCHIVE} ${FFI_ARCHIVE} ${NANOMSG_SHARED} Threads::Threads rt m ${CMAKE_DL_LIBS})
else()
  message(STATUS "criterion: shared library (a static archive is missing; apt-get install libnanopb-dev)")
  target_link_libraries(pathwalk_criterion INTERFACE PkgConfig::CRITERION ${CMAKE_DL_LIBS})
endif()

add_library(unit_criterion_git OBJECT ${CMAKE_SOURCE_DIR}/tests/unit/criterion_git.c)
target_include_directories(unit_criterion_git PRIVATE ${GIT2_INCLUDE_DIR})
target_compile_definitions(unit_criterion_git PRIVATE PATHWALK_LIBGIT2="${GIT2_SHARED_REAL}")
