#!/usr/bin/env python3
"""Trunk post_build hook: finish the staged build in $TRUNK_STAGING_DIR.

1. Trunk starts the app with an inline <script type="module"> (trunk issue #288). A strict
   Content-Security-Policy blocks inline scripts, so the sha256 of every inline script is put
   into the policy in place of __SCRIPT_HASHES__. A hash, not a nonce: a nonce baked into static
   files is the same for everyone and protects nothing.
2. The service worker gets this build's version (a hash of every file) and the list of files to
   cache, so a new build is a new service worker and updates cleanly.
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
for rel in files:
    with open(os.path.join(staging, rel[2:]), "rb") as f:
        digest.update(rel.encode("utf-8") + b"\0" + f.read())
with open(sw_path, encoding="utf-8") as f:
    sw = f.read()
sw = sw.replace("__VERSION__", digest.hexdigest()[:16]).replace("__FILES__", json.dumps(["./"] + files))
with open(sw_path, "w", encoding="utf-8") as f:
    f.write(sw)
print("post_build.py: CSP %s; service worker caches %d files" % (hashes, len(files) + 1))
