# SPDX-License-Identifier: Apache-2.0
# The hardened default build: the flags Debian's dpkg-buildflags turns on (stack protector,
# _FORTIFY_SOURCE=2, PIE, full RELRO with immediate binding) and the stack-clash and control-flow
# protections hardening-check looks for, each only where the compiler and linker accept it.
include(CheckCCompilerFlag)
include(CheckLinkerFlag)

foreach(flag -fstack-protector-strong -fstack-clash-protection -fcf-protection)
  string(MAKE_C_IDENTIFIER "PATHWALK_HAVE${flag}" have)
  check_c_compiler_flag(${flag} ${have})
  if(${have})
    add_compile_options(${flag})
  endif()
endforeach()

# _FORTIFY_SOURCE needs the optimizer (a Debug build would only warn) and does not mix with
# AddressSanitizer; a level set by the packager is kept.
if(NOT PATHWALK_SANITIZE AND NOT "${CMAKE_C_FLAGS} $ENV{CPPFLAGS}" MATCHES "_FORTIFY_SOURCE")
  add_compile_options($<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE> $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
endif()

check_c_compiler_flag(-fPIE PATHWALK_HAVE_FPIE)
check_linker_flag(C -pie PATHWALK_HAVE_PIE)
if(PATHWALK_HAVE_FPIE AND PATHWALK_HAVE_PIE)
  add_compile_options(-fPIE)
  # Executables only: clang warns that -pie is unused when it links a shared library (the
  # crash-point test's shim).
  add_link_options($<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:-pie>)
endif()

check_linker_flag(C "LINKER:-z,relro,-z,now" PATHWALK_HAVE_RELRO_NOW)
if(PATHWALK_HAVE_RELRO_NOW)
  add_link_options("LINKER:-z,relro,-z,now")
endif()
