/* SPDX-License-Identifier: Apache-2.0 */
/* Transliteration to ASCII: a table for Latin-1 and Latin Extended-A/B, readings for the
 * punctuation and signs clinical text uses, '?' for the rest (one per character). */
#include "ascii.h"

#include <string.h>

#include "strbuf.h"
#include "wrap.h"

/* Generated with Python unicodedata (NFKD without combining marks) for U+00A0..U+024F, with
 * hand-made readings for letters and signs that do not decompose (Æ, ß, ±, °...). */
static const char *const latin[0x250 - 0xa0] = {
	" ", "!", "c", "GBP", "?", "JPY", "|", "S.", "\"", "(c)", "a", "<<", "not", "-", "(R)", "-",
	" deg", "+/-", "2", "3", "'", "u", "P.", ".", ",", "1", "o", ">>", "1/4", "1/2", "3/4", "?", "A",
	"A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I", "D", "N", "O", "O",
	"O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss", "a", "a", "a", "a", "a", "a", "ae",
	"c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "/", "o", "u",
	"u", "u", "u", "y", "th", "y", "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C",
	"c", "D", "d", "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",
	"G", "g", "G", "g", "H", "h", "?", "?", "I", "i", "I", "i", "I", "i", "I", "i", "I", "i", "IJ",
	"ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L", "l", "L", "l", "N", "n", "N",
	"n", "N", "n", "'n", "?", "?", "O", "o", "O", "o", "O", "o", "OE", "oe", "R", "r", "R", "r", "R",
	"r", "S", "s", "S", "s", "S", "s", "S", "s", "T", "t", "T", "t", "?", "?", "U", "u", "U", "u",
	"U", "u", "U", "u", "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z",
	"s", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?",
	"?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "O", "o", "?", "?", "?",
	"?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "U", "u", "?", "?", "?", "?", "?", "?", "?",
	"?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "DZ", "Dz", "dz", "LJ", "Lj", "lj",
	"NJ", "Nj", "nj", "A", "a", "I", "i", "O", "o", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u",
	"?", "A", "a", "A", "a", "?", "?", "?", "?", "G", "g", "K", "k", "O", "o", "O", "o", "?", "?",
	"j", "DZ", "Dz", "dz", "G", "g", "?", "?", "N", "n", "A", "a", "?", "?", "?", "?", "A", "a", "A",
	"a", "E", "e", "E", "e", "I", "i", "I", "i", "O", "o", "O", "o", "R", "r", "R", "r", "U", "u",
	"U", "u", "S", "s", "T", "t", "?", "?", "H", "h", "?", "?", "?", "?", "?", "?", "A", "a", "E",
	"e", "O", "o", "O", "o", "O", "o", "O", "o", "Y", "y", "?", "?", "?", "?", "?", "?", "?", "?",
	"?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?",
	"?",
};

static const struct {
	long cp;
	const char *ascii;
} signs[] = {
	{ 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" }, { 0x2013, "-" }, { 0x2014, "--" }, { 0x2015, "--" },
	{ 0x2018, "'" }, { 0x2019, "'" }, { 0x201a, "," }, { 0x201c, "\"" }, { 0x201d, "\"" }, { 0x201e, "\"" },
	{ 0x2022, "*" }, { 0x2026, "..." }, { 0x2032, "'" }, { 0x2033, "\"" }, { 0x2039, "<" }, { 0x203a, ">" },
	{ 0x2044, "/" }, { 0x2070, "0" }, { 0x2074, "4" }, { 0x2080, "0" }, { 0x20ac, "EUR" }, { 0x2122, "(TM)" },
	{ 0x2190, "<-" }, { 0x2192, "->" }, { 0x2194, "<->" }, { 0x21d2, "=>" }, { 0x2212, "-" }, { 0x2217, "*" },
	{ 0x2248, "~" }, { 0x2260, "!=" }, { 0x2264, "<=" }, { 0x2265, ">=" }, { 0x00d7, "x" }, { 0x2713, "+" },
	{ 0x2714, "+" }, { 0x2717, "x" }, { 0x2718, "x" }, { 0x2605, "*" }, { 0x25b6, ">" }, { 0x25b2, "^" },
	{ 0x25bc, "v" }, { 0x26a0, "!" }, { 0x2581, "_" }, { 0x03b1, "alpha" }, { 0x03b2, "beta" },
	{ 0x03bc, "u" }, { 0x200b, "" }, { 0x200d, "" }, { 0xfeff, "" },
};

static const char *reading(long cp)
{
	if (cp >= 0xa0 && cp < 0x250)
		return latin[cp - 0xa0];
	for (size_t i = 0; i < sizeof(signs) / sizeof(signs[0]); i++)
		if (signs[i].cp == cp)
			return signs[i].ascii;
	return wrap_cp_width(cp) == 0 && cp >= 0x300 ? "" : "?"; /* a combining mark joins its letter */
}

char *ascii_transliterate(const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(text);

	sb_append(&sb, "");
	for (size_t i = 0; i < len;) {
		long cp;
		size_t n = wrap_decode(text + i, len - i, &cp);

		if (cp >= 0 && cp < 0x80)
			sb_append_char(&sb, (char)cp);
		else
			sb_append(&sb, cp < 0 ? "?" : reading(cp));
		i += n;
	}
	return sb_take(&sb);
}
