#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# replay --json's what_if at the bundled threshold cases: each case on one side of a threshold
# lists the nearest value on the other side with the endpoint it leads to (SIJ 2/3 tests, pain
# 4/5, weeks 4/5 and 3/4, 49/50% relief, 7/8 weeks, 59/60 days across a month end and a leap day),
# and a stopped replay has an empty what_if. Usage: what_if.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
export PATHWALK_NOW=2025-02-17T09:00:00Z TZ=UTC LC_ALL=C.UTF-8

. "$src/tests/cli/lib_golden.sh"

# replayed CASE: replay --json of the bundled CASE in $tmp/CASE.json, run once however often it is
# asked for (its exit status in $tmp/CASE.status); fails when the replay did.
replayed() {
	local status=none
	if [ ! -f "$tmp/$1.status" ]; then
		"$bin" replay --json "$src/config/cases/$1.cfg" >"$tmp/$1.json" 2>"$tmp/$1.err"
		echo $? >"$tmp/$1.status"
	fi
	read -r status <"$tmp/$1.status"
	[ "$status" = 0 ]
}
# change CASE VARIABLE VALUE ENDPOINT: the case's what_if holds that entry.
change() {
	replayed "$1" || { bad "$1: replay failed"; return; }
	expect_in "$tmp/$1.json" "{\"variable\":\"$2\",\"value\":$3,\"endpoint\":\"$4\"}" "$1: $2 = $3 -> $4"
}

change v5a-two-sij-tests sij_tests '["patrick_faber", "thigh_thrust", "sacral_thrust"]' sij_injection
change v5-sij-eligible sij_tests '["patrick_faber", "thigh_thrust"]' continue_conservative_care
change edge-esi-pain-4 pain_nrs 5 epidural_steroid_injection
change edge-esi-pain-5 pain_nrs 4 continue_conservative_care
change v5c-pain-4-weeks pain_weeks 5 sij_injection
change v5-sij-eligible pain_weeks 4 continue_conservative_care
change edge-esi-3-weeks pain_weeks 4 epidural_steroid_injection
change edge-esi-4-weeks pain_weeks 3 continue_conservative_care
change edge-relief-49-pct last_injection_relief_pct 50 tpi_repeat
change edge-relief-50-pct last_injection_relief_pct 49 sij_injection
change edge-relief-7-weeks last_injection_relief_weeks 8 sij_injection_repeat
change edge-relief-8-weeks last_injection_relief_weeks 7 epidural_steroid_injection
change edge-59-days-month-end last_injection_date '"2024-10-30"' epidural_steroid_injection
change edge-59-days-month-end assessment_date '"2024-12-30"' epidural_steroid_injection
change edge-60-days-month-end last_injection_date '"2024-11-01"' injection_deferred
change edge-59-days-across-leap-day last_injection_date '"2024-01-14"' tpi_repeat
change edge-60-days-across-leap-day last_injection_date '"2024-01-16"' injection_deferred
change edge-60-days-across-leap-day assessment_date '"2024-03-14"' injection_deferred

# Nothing is changed that would not change the endpoint: every entry names another endpoint.
replayed v5-sij-eligible
expect_not_in "$tmp/v5-sij-eligible.json" '"endpoint":"sij_injection"}' "v5-sij-eligible: no entry keeps the endpoint"

printf 'case = { id = "short"; answers = { pain_nrs = 6; }; };\n' >"$tmp/short.cfg"
"$bin" replay --json "$tmp/short.cfg" >"$tmp/out" 2>"$tmp/err"
expect_in "$tmp/out" '"what_if":[]}' "a stopped replay has an empty what_if"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
