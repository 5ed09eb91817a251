#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The bundled case library against PATHWAY.md, computed independently of the engine: every case in
# config/cases is replayed (replay --json) and, from the answers the walk took, the endpoint must
# be the first matching rule of section 4 (R1..R14; unless the case overrides a decision) and the
# warnings shown must be exactly those whose row of section 5 holds; a trigger point injection's
# date and weeks_since_tpi must agree (cross-field check 3 of section 2); and the text journaled for
# the warnings whose row (v1.1) makes it depend on where it shows must fit the node it showed at.
# Usage: pathway_rules.sh PATHWALK SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
# The journals go to /dev/shm: each replay syncs its journal event by event, and on a disk the
# test waited on those flushes for most of its time, checking nothing by it.
in_memory

for case in "$src"/config/cases/*.cfg; do
	name=${case##*/}
	name=${name%.cfg}
	if "$bin" replay --json --log "$tmp/$name.jsonl" "$case" >"$tmp/$name.json" 2>"$tmp/err"; then ok; else
		bad "replay $name"; sed 's/^/  | /' "$tmp/err"
	fi
done

python3 - "$tmp"/*.json >"$tmp/out" <<'PY'
import datetime, json, sys

INJECTION = {"sij_injection_repeat", "tpi_repeat", "sij_injection", "fbss_transforaminal_injection",
             "epidural_steroid_injection", "piriformis_injection"}
EPIDURAL = {"epidural_steroid_injection", "fbss_transforaminal_injection"}

class Missing(Exception):
    pass

def rules(a):
    """The endpoint of PATHWAY.md section 4 (first match wins); Missing if a rule needs an answer
    the walk did not take before a rule matched."""
    def v(k):
        if k not in a:
            raise Missing(k)
        return a[k]
    def has(k, *opts):
        return any(o in v(k) for o in opts)
    def date(k):
        return datetime.date.fromisoformat(v(k))
    days = lambda: (date("assessment_date") - date("last_injection_date")).days
    last_ok = lambda: v("last_injection_relief_pct") >= 50 and v("last_injection_relief_weeks") >= 8
    sij_eligible = lambda: len(v("sij_tests")) >= 3 and v("pain_weeks") > 4 and v("pain_nrs") > 4
    serious_ae = lambda: has("post_injection_events", "fever_or_site_infection",
                             "headache_neck_stiffness", "new_deficit_or_severe_back_pain")
    t = lambda: v("last_injection_type")
    ladder = lambda: not last_ok() and (t() == "epidural_steroid"
                                       or (t() == "sij_steroid" and not v("radicular_pain")))
    esi_ok = lambda: (v("radicular_pain") and v("pain_weeks") >= 4 and v("pain_nrs") > 4 and (
        (t() == "tpi" and not sij_eligible()) or (t() == "sij_steroid" and not last_ok())
        or (t() == "epidural_steroid" and last_ok() and days() >= 60)))
    table = [
        (lambda: len(v("ces_symptoms")) > 0, "emergency_ces_referral"),
        (lambda: len(v("serious_pathology_flags")) > 0 or serious_ae(), "urgent_serious_pathology_workup"),
        (lambda: v("progressive_neuro_deficit"), "urgent_surgical_evaluation"),
        (lambda: v("diag_blocks_temporary_relief"), "surgical_evaluation"),
        (lambda: v("pt_completed") and v("weeks_since_tpi") >= 8 and ladder(), "surgical_evaluation"),
        (lambda: not v("pt_completed"), "conservative_care"),
        (lambda: last_ok() and v("pain_nrs") > 4 and days() < 60, "injection_deferred"),
        (lambda: t() == "sij_steroid" and last_ok() and v("pain_nrs") > 4, "sij_injection_repeat"),
        (lambda: t() == "tpi" and last_ok() and v("pain_nrs") > 4, "tpi_repeat"),
        (lambda: t() == "tpi" and sij_eligible(), "sij_injection"),
        (lambda: esi_ok() and v("prior_lumbar_surgery"), "fbss_transforaminal_injection"),
        (lambda: esi_ok(), "epidural_steroid_injection"),
        (lambda: t() == "tpi" and v("piriformis_signs") and not v("radicular_pain") and v("pain_nrs") > 4,
         "piriformis_injection"),
    ]
    for cond, endpoint in table:
        if cond():
            return endpoint
    return "continue_conservative_care"

def warnings(a, at):
    """The warning ids of PATHWAY.md section 5 that hold at endpoint `at` with answers a (an answer
    the walk never took makes its condition false)."""
    has = lambda k, *opts: any(o in a.get(k, []) for o in opts)
    rows = {
        "safety_net": at != "emergency_ces_referral",
        "no_repeat_tpi_without_improvement": a.get("last_injection_type") == "tpi"
            and a.get("last_injection_relief_pct", 100) < 50,
        "medicines_advice": has("current_meds", "gabapentinoid", "opioid", "benzodiazepine",
                                "oral_corticosteroid"),
        "nsaid_muscle_relaxant_advice": has("current_meds", "nsaid", "cyclobenzaprine"),
        "injection_adverse_events": at in INJECTION,
        "epidural_risks": at in EPIDURAL,
        "anticoagulant_injection_plan": at in INJECTION
            and has("injection_risk_factors", "anticoagulant_antiplatelet"),
        "steroid_glucose_diabetes": at in INJECTION and has("injection_risk_factors", "diabetes"),
        "immunosuppressed_infection_risk": at in INJECTION
            and has("injection_risk_factors", "immunosuppressed"),
        "sciatic_block_fall_risk": at in {"sij_injection", "sij_injection_repeat", "piriformis_injection"}
            or has("post_injection_events", "transient_leg_numbness_weakness"),
        "esi_limits": at in EPIDURAL,
        "near_normal_mri_esi": at in EPIDURAL and has("mri_findings", "near_normal"),
        "document_and_space_injections": at in {"injection_deferred", "sij_injection_repeat", "tpi_repeat"}
            or (at == "epidural_steroid_injection" and a.get("last_injection_type") == "epidural_steroid"),
    }
    return {k for k, held in rows.items() if held}

def text_problems(a, node, warning, text):
    """What the text journaled for warning at node gets wrong by its v1.1 row of section 5."""
    t = text.lower()
    def need(words, present):
        return ["%s %s" % ("lacks" if present else "names", w) for w in words if (w in t) != present]
    if warning == "injection_adverse_events":
        sij = node in {"sij_injection", "sij_injection_repeat"}
        return (need(["infection of the joint"], sij) + need(["epidural abscess", "meningitis"], node in EPIDURAL))
    if warning == "sciatic_block_fall_risk":
        planned = node in {"sij_injection", "sij_injection_repeat", "piriformis_injection"}
        past = "transient_leg_numbness_weakness" in (a.get("post_injection_events") or [])
        return need(["capsule", "escort"], planned) + need(["after the last injection"], past)
    return []

failed = checked = 0
for name in sys.argv[1:]:
    try:
        d = json.load(open(name))
    except ValueError:
        continue  # the replay failed; reported above
    case, a, at = d["case"], d["answers"], d["endpoint"]
    for line in open(name[:-len(".json")] + ".jsonl"):
        e = json.loads(line)
        if e.get("event") == "warning":
            for p in text_problems(a, e["node"], e["warning"], e.get("text", "")):
                failed += 1
                print("FAIL: %s: warning %s at %s %s" % (case, e["warning"], e["node"], p))
    if d["status"] != "complete":
        continue
    checked += 1
    if not d["overrides"]:
        try:
            want = rules(a)
        except Missing as m:
            want = "(rule needs '%s', not asked)" % m
        if want != at:
            failed += 1
            print("FAIL: %s: endpoint %s, section 4 gives %s" % (case, at, want))
    if a.get("last_injection_type") == "tpi" and "weeks_since_tpi" in a:
        days = (datetime.date.fromisoformat(a["assessment_date"])
                - datetime.date.fromisoformat(a["last_injection_date"])).days
        if abs(7 * a["weeks_since_tpi"] - days) >= 7:
            failed += 1
            print("FAIL: %s: weeks_since_tpi %d disagrees with %d days (cross-field check 3)"
                  % (case, a["weeks_since_tpi"], days))
    want = warnings(a, at)
    got = set(d["warnings"])
    if want != got:
        failed += 1
        print("FAIL: %s at %s: warnings missing %s, not due %s" % (case, at, sorted(want - got),
                                                                   sorted(got - want)))
print("checked %d complete cases, %d problems" % (checked, failed))
sys.exit(1 if failed or checked == 0 else 0)
PY
rc=$?
cat "$tmp/out"
if [ $rc = 0 ]; then ok; else failed=$((failed + 1)); fi

echo "pathway_rules: $passed passed, $failed failed"
[ "$failed" = 0 ]
