# SPDX-License-Identifier: Apache-2.0
# Finds circles in a graph of dependencies between files and between folders (tests/cli/layers.sh).
# Input lines: "KIND FROM TO WHY" (KIND "include" or "call"; FROM, TO are files without their
# extension, e.g. src/util/strbuf; WHY the header or symbol). Prints each circle of files (a
# strongly connected set of two or more) and of folders, one path around it with the reason of
# each step; prints "circles N" last.

# Appends the edge a -> b with its reason, once.
function edge(a, b, why,    k) {
	k = a SUBSEP b
	if (!(k in reason)) { reason[k] = why; succ[a] = succ[a] " " b; node[a]; node[b] }
}

# Breadth-first from the successors of s: reach[s, t] for every t reachable, prev[s, t] the step
# before t on a shortest path from s.
function explore(s,    queue, head, tail, v, n, i, w, parts) {
	head = tail = 0
	n = split(succ[s], parts, " ")
	for (i = 1; i <= n; i++) if (!((s, parts[i]) in reach)) { reach[s, parts[i]]; prev[s, parts[i]] = s; queue[tail++] = parts[i] }
	while (head < tail) {
		v = queue[head++]
		n = split(succ[v], parts, " ")
		for (i = 1; i <= n; i++) {
			w = parts[i]
			if (!((s, w) in reach)) { reach[s, w]; prev[s, w] = v; queue[tail++] = w }
		}
	}
}

# The circle through s (s reaches itself), as "a -> b (why) -> ... -> a".
function path(s,    v, out, p) {
	out = s; v = s
	do { p = prev[s, v]; out = p " -(" reason[p, v] ")-> " out; v = p } while (v != s)
	return out
}

# Reports every strongly connected set of the current graph under the heading what.
function report(what,    v, w, members, seen) {
	split("", seen)
	for (v in node) explore(v)
	for (v in node) {
		if (v in seen || !((v, v) in reach)) continue
		members = ""
		for (w in node) if ((v, w) in reach && (w, v) in reach) { seen[w]; members = members " " w }
		circles++
		print what " circle:" members
		print "  " path(v)
	}
}

function folder(f) { sub(/\/[^\/]*$/, "", f); return f }

{ edge($2, $3, $1 " " $4); line[NR] = $0 }

END {
	circles = 0
	report("file")
	split("", reason); split("", succ); split("", node); split("", reach); split("", prev)
	for (i = 1; i <= NR; i++) {
		split(line[i], f, " ")
		if (folder(f[2]) != folder(f[3])) edge(folder(f[2]), folder(f[3]), f[1] " " f[4] " in " f[2])
	}
	report("folder")
	print "circles " circles
}
