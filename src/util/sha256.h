/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 (FIPS 180-4), for fingerprinting pathway sources in journals. */
#ifndef PATHWALK_SHA256_H
#define PATHWALK_SHA256_H

#include <stddef.h>

/* Writes the lowercase hex digest of data[0..len) and a NUL into hex. */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
