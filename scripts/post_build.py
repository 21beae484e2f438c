#!/usr/bin/env python3
"""Trunk post_build hook: finish the staged build in $TRUNK_STAGING_DIR.

1. Trunk starts the app with an inline <script type="module"> (trunk issue #288), and step 3
   adds another. A strict Content-Security-Policy blocks inline scripts, so the sha256 of every
   inline script is put into the policy in place of __SCRIPT_HASHES__. A hash, not a nonce: a
   nonce baked into static files is the same for everyone and protects nothing.
2. The service worker gets this build's version (a hash of every file), the list of files to
   cache and each file's SHA-256, so a new build is a new service worker and updates cleanly,
   and a build caught half-copied is not cached.
3. The wasm is fetched and compiled from the top of the page (an inline script right after the
   policy), while the stylesheet and the JavaScript glue still load; Trunk's start-up script then
   instantiates that compiled module. Trunk's own order compiles only after the module script
   has run: the main thread sat idle for tens of milliseconds first (an alternating cold-start
   comparison, 40 triples: the first question 13-19 ms sooner). The fetch replaces Trunk's
   preload of the wasm (both would download it twice); it carries no `integrity`: that would
   hold the bytes back until all had arrived, and Chromium ignored it on the preload anyway.
"""
import base64
import hashlib
import json
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else None)
if not staging:
    sys.exit("post_build.py: TRUNK_STAGING_DIR is not set")

index_path = os.path.join(staging, "index.html")
with open(index_path, encoding="utf-8") as f:
    html = f.read()

if "__SCRIPT_HASHES__" not in html:
    sys.exit("post_build.py: index.html has no __SCRIPT_HASHES__ placeholder in its CSP")

# 3. Compile the wasm from the top of the page (see the docstring).
start = re.search(r"module_or_path: '(\./[^'\\]+_bg\.wasm)'", html)
if not start:
    sys.exit("post_build.py: Trunk's start-up script does not name the wasm as expected")
wasm = start.group(1)
preload = re.compile(r"<link\b[^>]*\bhref=[\"']?%s[\"']?[^>]*>\s*" % re.escape(wasm))
html, preloads = preload.subn("", html)
if preloads != 1:
    sys.exit("post_build.py: expected one preload link of %s, found %d" % (wasm, preloads))
html = html.replace(start.group(0), "module_or_path: window.__samenscanWasm", 1)
early = (
    "<script>window.__samenscanWasm=fetch('%s').then(function(r){"
    "if(!r.ok)throw new Error('HTTP '+r.status);"
    # A server that sends the wasm under another type gets the slower path, as wasm-bindgen does.
    "return typeof WebAssembly.compileStreaming=='function'"
    "&&/^application\\/wasm\\s*(;|$)/i.test(r.headers.get('content-type')||'')"
    "?WebAssembly.compileStreaming(r)"
    ":r.arrayBuffer().then(function(b){return WebAssembly.compile(b)})});"
    # Not an unhandled rejection before the start-up script awaits it: that one reports it.
    "window.__samenscanWasm.catch(function(){});</script>" % wasm
)
policy = re.search(r"<meta\b[^>]*\bhttp-equiv=[\"']?Content-Security-Policy[\"']?[^>]*>", html, re.I)
if not policy:
    sys.exit("post_build.py: index.html has no Content-Security-Policy meta element")
html = html[: policy.end()] + early + html[policy.end() :]

inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
if not inline:
    sys.exit("post_build.py: found no inline start-up script to hash")
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii")
    for s in inline
)
html = html.replace("__SCRIPT_HASHES__", hashes)
with open(index_path, "w", encoding="utf-8") as f:
    f.write(html)

sw_path = os.path.join(staging, "sw.js")
files = []
digest = hashlib.sha256()
for root, _dirs, names in os.walk(staging):
    for name in sorted(names):
        path = os.path.join(root, name)
        rel = os.path.relpath(path, staging).replace(os.sep, "/")
        if rel == "sw.js":
            continue
        files.append("./" + rel)
files.sort()
# Each file's SHA-256 (base64), checked by the service worker before it caches the file, so a
# build caught half-copied is never cached. Not index.html: a server may add to a page (a
# development server's reload script), and it is small enough to be written whole.
hashes_by_file = {}
for rel in files:
    with open(os.path.join(staging, rel[2:]), "rb") as f:
        content = f.read()
    digest.update(rel.encode("utf-8") + b"\0" + content)
    if rel != "./index.html":
        hashes_by_file[rel] = base64.b64encode(hashlib.sha256(content).digest()).decode("ascii")
with open(sw_path, encoding="utf-8") as f:
    sw = f.read()
for placeholder in ("__VERSION__", "__FILES__", "__HASHES__"):
    if placeholder not in sw:
        sys.exit("post_build.py: sw.js has no %s placeholder" % placeholder)
sw = (
    sw.replace("__VERSION__", digest.hexdigest()[:16])
    .replace("__FILES__", json.dumps(["./"] + files))
    .replace("__HASHES__", json.dumps(hashes_by_file, sort_keys=True))
)
with open(sw_path, "w", encoding="utf-8") as f:
    f.write(sw)
print("post_build.py: CSP %s; service worker caches %d files" % (hashes, len(files) + 1))
