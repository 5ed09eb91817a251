/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz targets: one per parser, each a libFuzzer entry point. Built as real libFuzzer binaries
 * with clang (-DPATHWALK_FUZZ=ON), and always with driver.c, which feeds corpus files and bounded,
 * deterministic mutations of them to the same entry point so that ctest runs every target. */
#ifndef PATHWALK_FUZZ_H
#define PATHWALK_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "pathway.h"

/* libFuzzer's entry point: parses data[0, size) (which is not NUL-terminated) and exercises
 * everything that reads the result. Returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bundled pathway, loaded once (aborts when it does not load: the build is broken). */
const struct pathway *fuzz_bundled_pathway(void);

/* The date the targets use for "today", fixed so that runs repeat. */
#define FUZZ_TODAY 20000L

#endif
