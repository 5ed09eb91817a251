#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The printed log's width, measured as terminals and printers' text filters measure it: glibc's
# wcwidth in C.UTF-8. No line of the text log of a case whose title and override reason mix
# Chinese, Yijing hexagrams (wide), Devanagari with combining signs and emoji
# (tests/data/good/wide-text.cfg) with a Chinese and hexagram patient reference, is wider than 80
# columns, whatever the locale the log is rendered in; wrapping never splits a grapheme cluster.
# Nor is a line of the text training report, with a trainee's name of the same mix (cut in the
# grid without splitting a cluster); its Markdown and HTML carry the name whole.
# The same widths, and the sheets the logs take when printed, are checked for every bundled case's
# text logs in human_words.sh, which renders them all.
# Usage: log_widths.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
in_memory
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8

. "$src/tests/cli/lib_golden.sh"

if ! have_python; then
	echo "log_widths: SKIP (python3 is needed to call wcwidth)"
	exit 0
fi

# --- wide, combining and joined text in the title, the reason and the patient reference -------
patient='患者编号 坐骨神经痛-0042 ䷀䷁䷂䷃䷄䷅䷆䷇䷈䷉䷊䷋䷌䷍䷎䷏䷐䷑䷒䷓䷔䷕䷖䷗䷘䷙䷚䷛䷜䷝䷞䷟䷠䷡䷢䷣䷤䷥䷦䷧䷨䷩䷪䷫䷬䷭䷮䷯'
run 0 "replay wide-text" -- "$bin" replay --log "$tmp/wide.jsonl" "$src/tests/data/good/wide-text.cfg"
sed -i "1s/\"patient\":null/\"patient\":\"$patient\"/; 1s/\"clinician\":null/\"clinician\":\"Dr 王 ䷀\"/" "$tmp/wide.jsonl"
rechain "$tmp/wide.jsonl"
for locale in C.UTF-8 C; do
	run 0 "log wide-text in LC_ALL=$locale" -- env LC_ALL=$locale "$bin" log --format text "$tmp/wide.jsonl"
	cp "$tmp/out" "$tmp/wide-$locale.txt"
	queue_check widths "$tmp/wide-$locale.txt" "the wide-text log in LC_ALL=$locale is wider than 80 columns"
done
if cmp -s "$tmp/wide-C.UTF-8.txt" "$tmp/wide-C.txt"; then ok; else bad "the log depends on the locale it is rendered in"; fi
wide=$tmp/wide-C.UTF-8.txt
expect_in "$wide" "䷀䷁䷂" "the patient reference's hexagrams"
expect_in "$wide" "患者编号" "the patient reference"
expect_in "$wide" "患者在理疗后" "the override reason"
# Clusters stay whole on one line: a Devanagari word with its combining signs, a ZWJ family.
expect_in "$wide" "हिंदी" "a Devanagari word with combining signs"
expect_in "$wide" "👨‍👩‍👧" "an emoji ZWJ sequence"
# The reason in the step-by-step record (the last "Reason:") comes back whole when its lines are
# joined: nothing lost or cut at a wrap.
queue_check assert "$wide" "the wrapped reason does not join back to the case's text" '
text = open(path, encoding="utf-8").read()
m = re.match(r"Reason:\s*(.*?)\n +Recommended was", text[text.rindex("Reason:"):], re.S)
joined = "".join(part.strip() for part in m.group(1).split("\n")) if m else ""
want = "患者在理疗后仍有坐骨神经痛，希望先讨论硬膜外类固醇注射的风险与获益，再决定是否接受骶髂关节注射"
assert joined.startswith(want) and joined.replace(" ", "").endswith("family present".replace(" ", ""))'

# --- the training report: a trainee named in Chinese, emoji and combining marks -------------------
name=$'王小明 👨\u200d👩\u200d👧 हिंदी Zoe\u0301 ䷀䷁ 学员二号'
for who in alice bob; do
	sed "s/\"trainee\":\"$who\"/\"trainee\":\"$name $who\"/" "$src/tests/data/train/$who-v5.jsonl" >"$tmp/wide-$who.jsonl"
done
rechain "$tmp/wide-alice.jsonl" "$tmp/wide-bob.jsonl"
for locale in C.UTF-8 C; do
	run 0 "report wide names in LC_ALL=$locale" -- env LC_ALL=$locale "$bin" report wide-alice.jsonl wide-bob.jsonl
	cp "$tmp/out" "$tmp/report-$locale.txt"
	queue_check widths "$tmp/report-$locale.txt" "the report in LC_ALL=$locale is wider than 80 columns"
	expect_in "$tmp/report-$locale.txt" "$name alice" "report in LC_ALL=$locale: the name whole in its heading"
done
# The grid's name column is cut to 20 columns between clusters: the Devanagari word stays whole.
expect_in "$tmp/report-C.UTF-8.txt" $'王小明 👨\u200d👩\u200d👧 हिंदी  ✔ 12s' "report grid: the name cut at a break"
for fmt in markdown html; do
	run 0 "report wide names --format $fmt" -- "$bin" report -f $fmt wide-alice.jsonl wide-bob.jsonl
	expect_in "$tmp/out" "$name bob" "report $fmt: the name whole"
done

run_queued_checks
echo "log_widths: $passed passed, $failed failed"
[ "$failed" = 0 ]
