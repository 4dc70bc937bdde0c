#!/usr/bin/env python3
"""Structural code statistics for the `app` and `server` crates (standard library only).

Run: python3 scripts/code_stats.py (from anywhere). Before measuring, comments, string and
char literals are blanked (line numbers kept) and so is every inline module annotated
`#[cfg(test)]` (`mod tests {..}`, `mod fixtures {..}`): test code counts only in metric 5.

1. Import cycles among the files of app/src. Edge A -> B: file A names a path into module
   file B, in a `use` (also `pub use`; groups like `crate::{a::b, c::{d, e}}` expanded) or
   inline in code (`crate::db::foo(..)`, `super::saving::bar(..)`). A path counts if it
   starts with `crate`, `self`, `super`, a child module that has a file (2018 relative
   paths: `use form::AssessmentForm;` in pages/assessment/mod.rs), or a name a `use` of
   such a path brought into the enclosing block (`use crate::db;` .. `db::framework::x`).
   `x.rs`/`x/mod.rs` is module x, `x/y.rs` is x::y, an inline `mod m {..}` adds a level;
   `super`/`self` are relative to that. A path resolves to its deepest prefix that has a
   module file (`a/b.rs`, `a/b/mod.rs`; lib.rs is the root). `crate::i18n` is generated
   by build.rs into OUT_DIR (no file here) and ignored. No self-edges; `mod x;` is no
   import. Reported: strongly connected components of 2+ files (count, files, members)
   and the number of file pairs importing each other (2-cycles).
2. Server function bodies: for each fn annotated `#[server(..)]` in app/src, the
   non-blank lines strictly between the line of its body's `{` and that of its `}`.
3. `.map_err(` calls in app/src and server/src (server/tests is not scanned), and how
   many pass a call of `internal(..)`, bare or by path (`super::context::internal(`).
4. The longest file in app/src/db/ by number of lines (all lines, as `wc -l`).
5. Rust files and lines (all lines, tests included, as `wc -l`) per top-level folder of
   app/src and server/src; files directly in src/ are grouped as `src/*.rs`.
"""
import os
import re
import statistics

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP, SERVER = "app/src", "server/src"
GENERATED = {"i18n"}  # modules included from OUT_DIR: no file under app/src


def rust_files(top):
    walk = os.walk(os.path.join(ROOT, top))
    return sorted(os.path.relpath(os.path.join(d, n), ROOT) for d, _, ns in walk for n in ns if n.endswith(".rs"))


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def blank(text, start, end):
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def strip_literals(text):
    """Blanks comments and the contents of string/char literals, keeping every newline."""
    out, i, n = list(text), 0, len(text)
    def wipe(a, b):
        out[a:b] = [ch if ch == "\n" else " " for ch in out[a:b]]
    while i < n:
        c = text[i]
        word_before = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
        raw = c == "r" and not word_before and re.match(r'r(#*)"', text[i:i + 260])
        if text.startswith("//", i):
            j = text.find("\n", i) % (n + 1)  # -1 (no newline) -> n
        elif text.startswith("/*", i):
            j, depth = i + 2, 1
            while j < n and depth:
                depth += text.startswith("/*", j) - text.startswith("*/", j)
                j += 2 if text.startswith(("/*", "*/"), j) else 1
        elif raw:
            end = text.find('"' + raw.group(1), i + len(raw.group(0)))
            j = n if end < 0 else end + 1 + len(raw.group(1))
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j += 1
        elif c == "'" and (text.startswith("\\", i + 1) or text[i + 2:i + 3] == "'"):
            j = text.find("'", i + 3 if text[i + 1] == "\\" else i + 2) + 1  # char literal
        else:  # ordinary character or lifetime
            i += 1
            continue
        wipe(i, j) if c == "/" else wipe(i + 1, j - 1)
        i = j
    return "".join(out)


def brace_pairs(code):
    """{index of `{`: index of its matching `}`}."""
    stack, pairs = [], {}
    for k, ch in enumerate(code):
        if ch == "{":
            stack.append(k)
        elif ch == "}":
            pairs[stack.pop()] = k
    return pairs


TEST_MOD = re.compile(r"#\[cfg\(test\)\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{")


def clean(path):
    code = strip_literals(read(path))
    while m := TEST_MOD.search(code):
        code = blank(code, m.start(), brace_pairs(code)[m.end() - 1] + 1)
    return code


def module_of(path):
    parts = os.path.relpath(path, APP)[:-3].split(os.sep)
    return tuple(parts[:-1] if parts[-1] in ("mod", "lib") else parts)


def expand(tree):
    """`a::{b, c::{d as e}}` -> ['a::b', 'a::c::d as e'] (whitespace already normalised)."""
    if "{" not in tree:
        return [tree]
    start = tree.index("{")
    prefix, inner, parts, depth, last = tree[:start], tree[start + 1:-1], [], 0, 0
    for k, ch in enumerate(inner + ","):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(inner[last:k].strip())
            last = k + 1
    return [prefix[:-2] if p == "self" else prefix + q for p in parts if p for q in expand(p)]


def import_graph(files):
    mods = {module_of(f): f for f in files}
    graph = {f: set() for f in files}
    for f in files:
        code, base = clean(f), module_of(f)
        pairs = brace_pairs(code)
        inline = [(m.end() - 1, pairs[m.end() - 1], m.group(1)) for m in re.finditer(r"\bmod\s+(\w+)\s*\{", code)]
        def scope(pos):
            return base + tuple(name for a, b, name in sorted(inline) if a < pos < b)
        aliases = []  # (name, open, close, absolute path)
        def absolute(segs, pos):
            here = list(scope(pos))
            if segs[0] == "crate":
                return segs[1:]
            if segs[0] in ("self", "super"):
                while segs and segs[0] in ("self", "super"):
                    here = here[:-1] if segs.pop(0) == "super" else here
                return here + segs
            if tuple(here + segs[:1]) in mods:
                return here + segs
            visible = [a for a in aliases if a[0] == segs[0] and a[1] < pos < a[2]]
            return list(max(visible, key=lambda a: a[1])[3]) + segs[1:] if visible else None
        def target(path):
            if path is None or (path and path[0] in GENERATED):
                return None
            k = max(k for k in range(len(path) + 1) if tuple(path[:k]) in mods)
            return mods[tuple(path[:k])]
        uses = list(re.finditer(r"\b(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", code))
        for m in uses:
            tree = re.sub(r"\s+", "", re.sub(r"\s+as\s+", "@", m.group(1))).lstrip(":")
            opened = max([a for a, b in pairs.items() if a < m.start() < b], default=-1)
            block = (opened, pairs.get(opened, len(code)))  # where names it brings in are seen
            for p in expand(tree):
                name, _, alias = p.partition("@")
                path = absolute(name.split("::"), m.start())
                graph[f].add(target(path))
                if path and not name.endswith("*"):
                    aliases.append((alias or path[-1], *block, tuple(path)))
        for m in reversed(uses):
            code = blank(code, m.start(), m.end())
        for m in re.finditer(r"(?<![\w$:])(\w+(?:::\w+)+)", code):
            graph[f].add(target(absolute(m.group(1).split("::"), m.start())))
        graph[f] -= {None, f}
    return graph


def strongly_connected(graph):
    """Tarjan's algorithm; components in discovery order."""
    index, low, stack, on, out = {}, {}, [], set(), []
    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while not comp or comp[-1] != v:
                comp.append(stack.pop())
                on.discard(comp[-1])
            out.append(sorted(comp))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def server_functions(files):
    found = []
    for f in files:
        code, lines = clean(f), read(f).split("\n")
        for m in re.finditer(r"#\[server\b", code):
            fn = re.compile(r"\bfn\s+(\w+)").search(code, m.end())
            body = code.index("{", fn.end())
            first, last = code.count("\n", 0, body), code.count("\n", 0, brace_pairs(code)[body])
            found.append((sum(1 for l in lines[first + 1:last] if l.strip()), fn.group(1), f))
    return found


def main():
    app, server = rust_files(APP), rust_files(SERVER)
    rel = lambda f: os.path.relpath(f, APP)  # details name app files relative to app/src
    graph = import_graph(app)
    cycles = [c for c in strongly_connected(graph) if len(c) > 1]
    cycles.sort(key=lambda c: (-len(c), c))
    pairs = sorted((a, b) for a in graph for b in graph[a] if a < b and a in graph[b])
    fns = sorted(server_functions(app), key=lambda t: (-t[0], t[1]))
    calls = internal = qualified = 0
    for f in app + server:
        code = clean(f)
        calls += len(re.findall(r"\.\s*map_err\s*\(", code))
        internal += len(re.findall(r"\.\s*map_err\s*\(\s*(?:\w+::)*internal\s*\(", code))
        qualified += len(re.findall(r"\.\s*map_err\s*\(\s*(?:\w+::)+internal\s*\(", code))
    db = sorted((read(f).count("\n"), f) for f in app if f.startswith(os.path.join(APP, "db", "")))[-1]
    folders = {}
    for f in app + server:
        parts = f.split(os.sep)
        key = "/".join(parts[:3]) + "/" if len(parts) > 3 else "/".join(parts[:2]) + "/*.rs"
        files, lines = folders.get(key, (0, 0))
        folders[key] = (files + 1, lines + read(f).count("\n"))

    print(f"import_cycles (SCCs > 1 file, app/src): {len(cycles)}")
    print(f"files_in_import_cycles: {sum(len(c) for c in cycles)}")
    print(f"mutual_import_pairs (2-cycles): {len(pairs)}")
    print(f"import_edges (file -> file): {sum(len(v) for v in graph.values())}")
    print(f"server_functions: {len(fns)}")
    print(f"server_fn_body_lines_median: {statistics.median(t[0] for t in fns) if fns else 0}")
    print(f"server_fn_body_lines_max: {fns[0][0]} ({fns[0][1]} in {rel(fns[0][2])})" if fns else "server_fn_body_lines_max: 0")
    print(f"map_err_calls (app/src + server/src, non-test): {calls}")
    print(f"map_err_internal_calls: {internal} (of which by path, e.g. super::context::internal: {qualified})")
    print(f"longest_db_file: {db[1]} ({db[0]} lines)")
    print(f"rust_files: {len(app) + len(server)} ({len(app)} app, {len(server)} server)")
    print(f"rust_lines: {sum(v[1] for v in folders.values())}")
    print("\nImport cycles (strongly connected components):")
    for k, comp in enumerate(cycles, 1):
        print(f"  {k}. ({len(comp)} files) " + ", ".join(rel(f) for f in comp))
    print("Mutual imports (a <-> b):")
    for a, b in pairs:
        print(f"  {rel(a)} <-> {rel(b)}")
    print("Server function bodies (non-blank lines):")
    for n, name, f in fns:
        print(f"  {n:4d}  {name}  ({rel(f)})")
    print("Rust lines per folder (files, lines):")
    for key in sorted(folders):
        print(f"  {key:28s} {folders[key][0]:4d} {folders[key][1]:7d}")


if __name__ == "__main__":
    main()
