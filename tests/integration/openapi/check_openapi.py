#!/usr/bin/env python3
"""Compares schema/openapi.yaml with the routes the real binary registers (`rxdesk routes`)."""
import json
import os
import subprocess
import sys
import tempfile

import yaml

binary, spec_path = sys.argv[1], sys.argv[2]
spec = yaml.safe_load(open(spec_path, encoding="utf-8"))

with tempfile.TemporaryDirectory() as data_dir:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RXDESK_")}
    env["RXDESK_DATA_DIR"] = data_dir
    out = subprocess.run([binary, "routes", "--json"], env=env, check=True,
                         capture_output=True, text=True, cwd=data_dir).stdout
routes = {(r["method"].lower(), r["pattern"]): r for r in json.loads(out)["routes"]}

documented = {}
for path, item in spec["paths"].items():
    for method, op in item.items():
        if method in ("get", "post", "put", "patch", "delete"):
            documented[(method, path)] = op

problems = []
for key in sorted(set(routes) - set(documented)):
    problems.append(f"undocumented route: {key[0].upper()} {key[1]}")
for key in sorted(set(documented) - set(routes)):
    problems.append(f"documented but not served: {key[0].upper()} {key[1]}")
for key in sorted(set(routes) & set(documented)):
    route, op = routes[key], documented[key]
    name = f"{key[0].upper()} {key[1]}"
    if op.get("x-permission") != route["permission"]:
        problems.append(f"{name}: x-permission {op.get('x-permission')} != {route['permission']}")
    if route["max_body_bytes"] and op.get("x-max-body") != route["max_body_bytes"]:
        problems.append(f"{name}: x-max-body {op.get('x-max-body')} != {route['max_body_bytes']}")
    if bool(op.get("x-idempotent", False)) != route["idempotent"]:
        problems.append(f"{name}: x-idempotent does not match")
    if not op.get("responses"):
        problems.append(f"{name}: no responses documented")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"openapi: {len(routes)} routes match")
