#!/usr/bin/env python3
"""Deterministic synthetic catalog for the benchmark, and two ways to load it.

  python3 bench/catalog.py generate --datasets 10000 --seed 42 --out bench/work/catalog
  python3 bench/catalog.py load-api --catalog bench/work/catalog --api http://127.0.0.1:PORT --keycloak URL
  python3 bench/catalog.py load-sql --catalog bench/work/catalog --psql-port PORT     (the fast path for 1M)

`generate` writes `datasets.jsonl` (request bodies of POST /api/v1/datasets, every parent before its children)
and `shape.json` (the keys the load scenarios ask for). The same --datasets and --seed always give the same
catalog. Only the standard library is used.

Shapes, for N datasets (the reference catalog is already loaded, so its keys may be parents):
  - one pipeline chain of min(1000, max(110, N/10)) datasets, each derived from the previous one;
  - one fan-out source with min(10000, max(10, 4N/10)) direct children;
  - ladders of diamonds (a -> b, a -> c, b + c -> d, d is the next rung's a), about 5 % of N, in ladders of at
    most 166 diamonds (the 10k catalog's one ladder; larger catalogs have more ladders, not deeper ones);
  - a random forest (new sources, and datasets derived from one or two of the latest max(2000, N/5) forest
    datasets) for the rest, so that its ancestries stay about as deep at 100k and 1M as at 10k;
  - steps from the preprocessing vocabulary, SPDX licenses and expressions, DUO codes on a fifth of the
    datasets, and embargoed leaves owned by several organizations (about 5 %).
"""
import argparse
import csv
import heapq
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

LADDER_DIAMONDS = 166
ORGS = ["nyu", "upenn", "mgh", "stanford", "kcl", "charite"]
LICENSES = ["CC-BY-4.0", "CC-BY-4.0", "CC0-1.0", "CC-BY-NC-4.0", "CC-BY-SA-4.0", "CC-BY-NC-SA-4.0",
            "CC-BY-ND-4.0", "ODbL-1.0", "PDDL-1.0", "CDLA-Permissive-2.0", "LicenseRef-TCIA-Data-Usage-Policy",
            "CC-BY-4.0 OR CC-BY-SA-4.0", "CC-BY-NC-4.0 AND LicenseRef-TCIA-Data-Usage-Policy", None]
STEPS = ["resampling", "image-interpolation", "lossy-compression", "lossless-compression", "bit-depth-reduction",
         "magnitude-extraction", "coil-combination", "coil-compression", "skull-stripping", "defacing",
         "bias-field-correction", "intensity-normalization", "cropping", "padding", "registration",
         "format-conversion", "de-identification", "subset-selection", "label-generation", "denoising",
         "augmentation", "renaming"]
TASKS = ["mri-reconstruction", "super-resolution", "denoising", "segmentation", "classification", "detection",
         "registration", "synthesis", "quantification"]
DUO = ["GRU", "HMB", "NCU", "NPU", "IRB", "PUB", "COL", "MOR", "NPUNCU"]
MODALITIES = ["MR", "CT", "CR", "DX", "MG", "PT", "US"]
ANATOMY = ["brain", "knee", "chest", "breast", "prostate", "liver", "heart", "spine", "hip", "lung"]
WORDS = ["cohort", "scans", "study", "archive", "collection", "screening", "follow-up", "multi-site", "pilot",
         "registry", "trial", "benchmark"]
SOURCE_PARENTS = ["fastmri-knee-multicoil", "fastmri-brain-multicoil", "tcga-gbm", "lidc-idri", "mimic-cxr"]


class Generator:
    def __init__(self, n, seed, forest_window=0):
        self.n = n
        self.forest_window = forest_window
        self.rnd = random.Random(seed)
        self.items = []          # (group, body as compact JSON): a million of them fit in memory as text

    def add(self, group, body):
        self.items.append((group, json.dumps(body, separators=(",", ":"))))

    def body(self, key, parents, *, org=None, embargoed=False, steps=None, title=None):
        r = self.rnd
        modality = r.choice(MODALITIES)
        anatomy = r.choice(ANATOMY)
        intended = r.sample(TASKS, r.randint(1, 3))
        b = {
            "key": key,
            "title": title or f"{anatomy.capitalize()} {modality} {r.choice(WORDS)} {key}",
            "description": f"Synthetic benchmark dataset {key}: {anatomy} {modality} {r.choice(WORDS)}.",
            "modalities": [modality],
            "anatomy": [anatomy],
            "formats": [r.choice(["NIfTI", "DICOM", "HDF5", "PNG"])],
            "subjects": r.randint(10, 5000),
            "representation": {"domain": r.choice(["image", "image", "kspace"]), "complex": r.random() < 0.3,
                               "coils": r.choice(["multi", "single", "combined"]),
                               "compression": r.choice(["none", "lossless", "lossy"])},
            "intendedUses": [{"task": t} for t in intended],
            "organization": org or r.choice(ORGS),
            "visibility": "embargoed" if embargoed else "public",
        }
        lic = r.choice(LICENSES)
        if lic:
            b["license"] = lic
        if r.random() < 0.2:
            b["dataUse"] = [{"code": c} for c in r.sample(DUO, r.randint(1, 3))]
        if r.random() < 0.15:
            # a task cannot be both intended and contraindicated
            b["contraindications"] = [{"task": r.choice([t for t in TASKS if t not in intended]),
                                       "reason": "synthetic contraindication"}]
        if parents:
            b["derivedFrom"] = [{"key": p} for p in parents]
            if steps is None:
                steps = [{"step": s} for s in r.sample(STEPS, r.randint(1, 4))]
            b["preprocessing"] = steps
        return b

    def generate(self):
        n, r = self.n, self.rnd
        chain_len = min(1000, max(110, n // 10))
        fanout = min(10000, max(10, n * 4 // 10))
        diamonds = max(1, n * 5 // 100 // 3)
        chain = [f"bench-chain-{i:04d}" for i in range(chain_len)]
        for i, key in enumerate(chain):
            parent = SOURCE_PARENTS[0] if i == 0 else chain[i - 1]
            self.add("chain", self.body(key, [parent], steps=[{"step": STEPS[i % len(STEPS)]}]))
        source = "bench-fanout-source"
        self.add("fanout", self.body(source, [], title="Fan-out source knee MR archive"))
        for i in range(fanout):
            self.add("fanout", self.body(f"bench-fanout-{i:05d}", [source]))
        top = "bench-diamond-0000-a"
        self.add("diamond", self.body(top, [SOURCE_PARENTS[2]]))
        deepest = top
        for i in range(diamonds):
            if i and i % LADDER_DIAMONDS == 0:
                # a new ladder: the 10k catalog's one ladder, repeated at larger N instead of made deeper
                top = f"bench-diamond-{i:04d}-a"
                self.add("diamond", self.body(top, [SOURCE_PARENTS[2]]))
            b, c, d = (f"bench-diamond-{i:04d}-{x}" for x in "bcd")
            self.add("diamond", self.body(b, [top]))
            self.add("diamond", self.body(c, [top]))
            self.add("diamond", self.body(d, [b, c]))
            top = d
            if i < LADDER_DIAMONDS:
                deepest = d
        forest = []
        # parents are drawn from the latest `window` forest datasets; the window grows with N so that the forest's
        # ancestries keep the 10k catalog's depth at 100k and 1M (a fixed window of 2,000 made them 28x deeper at 100k)
        window = self.forest_window or max(2000, n // 5)
        left = n - len(self.items)
        embargoed = []
        for i in range(max(0, left)):
            key = f"bench-ds-{i:07d}"
            if r.random() < 0.05:
                org = ORGS[i % len(ORGS)]
                parents = [r.choice(forest)] if forest and r.random() < 0.5 else []
                self.add("forest", self.body(key, parents, org=org, embargoed=True))
                embargoed.append({"key": key, "organization": org})
                continue
            if not forest or r.random() < 0.3:
                parents = [r.choice(SOURCE_PARENTS)] if r.random() < 0.2 else []
            else:
                start = max(0, len(forest) - window)   # randrange draws as choice() over the slice did, without copying it
                parents = sorted({forest[r.randrange(start, len(forest))] for _ in range(r.randint(1, 2))})
            self.add("forest", self.body(key, parents))
            forest.append(key)
        shape = {
            "datasets": len(self.items),
            "chain": {"length": chain_len, "root": chain[0], "tip": chain[-1],
                      "at_depth_10": chain[min(10, chain_len - 1)], "at_depth_100": chain[min(100, chain_len - 1)],
                      "at_depth_1000": chain[min(1000, chain_len - 1)]},
            "fanout": {"source": source, "children": fanout},
            "diamonds": {"count": diamonds, "ladders": -(-diamonds // LADDER_DIAMONDS), "tip": deepest},
            "forest": {"count": len(forest), "sample": forest[len(forest) // 2] if forest else chain[20]},
            "embargoed": {"count": len(embargoed), "organizations": sorted({e["organization"] for e in embargoed})},
        }
        return shape

    def ordered(self):
        """Round-robin across groups (keeping each group's order) so that the loader's workers overlap the chain
        with everything else; parents still come before children."""
        groups = {}
        for g, b in self.items:
            groups.setdefault(g, []).append(b)
        queues = [list(reversed(v)) for v in groups.values()]
        out = []
        while any(queues):
            for q in queues:
                if q:
                    out.append(q.pop())
        return out


def generate(args):
    os.makedirs(args.out, exist_ok=True)
    g = Generator(args.datasets, args.seed, args.forest_window)
    shape = g.generate()
    shape["seed"] = args.seed
    with open(os.path.join(args.out, "datasets.jsonl"), "w") as f:
        for b in g.ordered():
            f.write(b + "\n")
    with open(os.path.join(args.out, "shape.json"), "w") as f:
        json.dump(shape, f, indent=2)
    print(f"generated {shape['datasets']} datasets into {args.out}")


def token(keycloak, username="carol", password="carol"):
    data = urllib.parse.urlencode({"grant_type": "password", "client_id": "onlabel-cli", "username": username,
                                   "password": password}).encode()
    with urllib.request.urlopen(keycloak + "/realms/onlabel/protocol/openid-connect/token", data, timeout=30) as r:
        return json.load(r)["access_token"]


class TokenSource:
    """An admin token, renewed well before its five minutes run out."""

    def __init__(self, keycloak):
        self.keycloak, self.lock, self.value, self.at = keycloak, threading.Lock(), None, 0.0

    def get(self):
        with self.lock:
            if self.value is None or time.time() - self.at > 120:
                self.value, self.at = token(self.keycloak), time.time()
            return self.value


def load_api(args):
    """POSTs every dataset, each as soon as its parents exist. A dataset becomes ready when the last of its parents
    in the catalog is created; the workers take the ready dataset with the longest line of descendants still to
    come first, so the 1,000-deep chain (the critical path: each link waits for the previous one) never queues
    behind thousands of leaves, and the leaves fill the workers while a link is being created."""
    bodies = [json.loads(line) for line in open(os.path.join(args.catalog, "datasets.jsonl"))]
    api = urllib.parse.urlparse(args.api)
    tokens = TokenSource(args.keycloak)
    order = {b["key"]: i for i, b in enumerate(bodies)}
    children, waiting = {}, {}
    for b in bodies:
        parents = {p["key"] for p in b.get("derivedFrom", []) if p["key"] in order}
        waiting[b["key"]] = len(parents)
        for p in parents:
            children.setdefault(p, []).append(b)
    height = {}
    for b in reversed(bodies):      # every parent comes before its children in the file
        height[b["key"]] = 1 + max((height[c["key"]] for c in children.get(b["key"], [])), default=0)
    ready = []
    lock = threading.Condition()
    left = [len(bodies)]
    created = set()
    local = threading.local()
    failures = []
    deadline = time.time() + args.timeout

    def push(b):
        heapq.heappush(ready, (-height[b["key"]], order[b["key"]], b))

    def conn():
        if getattr(local, "c", None) is None:
            local.c = http.client.HTTPConnection(api.hostname, api.port, timeout=60)
        return local.c

    def create(b):
        payload = json.dumps(b).encode()
        for attempt in range(3):
            try:
                c = conn()
                c.request("POST", "/api/v1/datasets", payload, {"Content-Type": "application/json",
                                                                "Authorization": "Bearer " + tokens.get()})
                resp = c.getresponse()
                text = resp.read()
                if resp.status in (201, 409):   # 409: already there from an earlier attempt
                    return None
                return f"{resp.status} {text[:200]!r}"
            except (OSError, http.client.HTTPException) as e:
                local.c = None
                if attempt == 2:
                    return repr(e)

    def worker():
        while True:
            with lock:
                while not ready and left[0] > 0 and time.time() < deadline:
                    lock.wait(1)
                if not ready:
                    return
                _, _, b = heapq.heappop(ready)
            failed = create(b) if time.time() < deadline else "load timed out"
            with lock:
                if failed:
                    failures.append((b["key"], failed))
                created.add(b["key"])
                left[0] -= 1
                # a child of a failed parent is still tried: its own answer says why it cannot be created
                for child in children.get(b["key"], []):
                    waiting[child["key"]] -= 1
                    if waiting[child["key"]] == 0:
                        push(child)
                lock.notify_all()

    for b in bodies:
        if waiting[b["key"]] == 0:
            push(b)
    started = time.time()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    failures.extend((b["key"], "parent not created in time") for b in bodies if b["key"] not in created)
    seconds = time.time() - started
    result = {"datasets": len(bodies), "seconds": round(seconds, 1), "per_second": round(len(bodies) / seconds, 1),
              "workers": args.workers, "failures": len(failures), "first_failures": failures[:5]}
    print(json.dumps(result))
    if args.result:
        with open(args.result, "w") as f:
            json.dump(result, f, indent=2)
    if failures:
        sys.exit(1)


def pg_array(values):
    return "{" + ",".join('"' + v.replace('"', '\\"') + '"' for v in values) + "}"


def load_sql(args):
    """Writes CSV files and COPYs them into dataset, derivation and preprocessing_step in one transaction, with a
    stale dataset_verdict_state row per new dataset (what a create writes: the worker, when on, computes them), then
    VACUUM (ANALYZE): without the vacuum, the first reads after a million-row COPY set hint bits and autovacuum runs
    while the calls are measured. It bypasses the service (no audit events, no license parsing), which is what makes a million rows take
    minutes."""
    psql = [args.psql, "-h", "127.0.0.1", "-p", str(args.psql_port), "-U", "postgres", "-d", "postgres",
            "-v", "ON_ERROR_STOP=1", "-q", "-t", "-A"]
    base = int(subprocess.check_output(psql + ["-c", "SELECT coalesce(max(id), 0) FROM dataset"], text=True).strip())
    existing = dict(line.split("|") for line in subprocess.check_output(
        psql + ["-c", "SELECT key, id FROM dataset"], text=True).split())
    work = os.path.join(args.catalog, "copy")
    os.makedirs(work, exist_ok=True)
    ids = {k: int(v) for k, v in existing.items()}
    now = "2026-12-01 00:00:00+00"
    started = time.time()
    with open(os.path.join(work, "dataset.csv"), "w", newline="") as fd, \
            open(os.path.join(work, "derivation.csv"), "w", newline="") as fr, \
            open(os.path.join(work, "step.csv"), "w", newline="") as fs:
        wd, wr, ws = csv.writer(fd), csv.writer(fr), csv.writer(fs)
        for i, line in enumerate(open(os.path.join(args.catalog, "datasets.jsonl"))):
            b = json.loads(line)
            ident = base + 1 + i
            ids[b["key"]] = ident
            wd.writerow([ident, b["key"], b["title"], b.get("description"), pg_array(b["modalities"]),
                         pg_array(b["anatomy"]), pg_array(b["formats"]), b["subjects"],
                         json.dumps(b["representation"]), b.get("license"), json.dumps(b.get("dataUse", [])),
                         json.dumps(b["intendedUses"]), json.dumps(b.get("contraindications", [])),
                         b["organization"], b["visibility"], now, now, "benchmark"])
            for o, p in enumerate(b.get("derivedFrom", [])):
                wr.writerow([ident, ids[p["key"]], o])
            for o, s in enumerate(b.get("preprocessing", [])):
                ws.writerow([ident, o, s["step"], "{}"])
    script = f"""
BEGIN;
-- the state rows are written at once below: the row trigger (V18) would insert them one by one
ALTER TABLE dataset DISABLE TRIGGER dataset_verdict_state_on_insert;
\\copy dataset (id, key, title, description, modalities, anatomy, formats, subjects, representation, license, data_use, intended_uses, contraindications, organization, visibility, created_at, updated_at, created_by) FROM '{work}/dataset.csv' WITH (FORMAT csv)
\\copy derivation (child_id, parent_id, ordinal) FROM '{work}/derivation.csv' WITH (FORMAT csv)
\\copy preprocessing_step (dataset_id, ordinal, step, parameters) FROM '{work}/step.csv' WITH (FORMAT csv)
SELECT setval(pg_get_serial_sequence('dataset', 'id'), (SELECT max(id) FROM dataset)) AS next_id \\gset
INSERT INTO dataset_verdict_state (dataset_id, stale) SELECT id, TRUE FROM dataset WHERE id > {base}
ON CONFLICT (dataset_id) DO NOTHING;
ALTER TABLE dataset ENABLE TRIGGER dataset_verdict_state_on_insert;
COMMIT;
VACUUM (ANALYZE) dataset, derivation, preprocessing_step, dataset_verdict_state;
"""
    subprocess.run(psql, input=script, text=True, check=True, timeout=args.timeout)
    seconds = time.time() - started
    result = {"datasets": len(ids) - len(existing), "seconds": round(seconds, 1), "path": "COPY via psql"}
    print(json.dumps(result))
    if args.result:
        with open(args.result, "w") as f:
            json.dump(result, f, indent=2)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--datasets", type=int, default=10000)
    g.add_argument("--seed", type=int, default=42)
    g.add_argument("--out", required=True)
    g.add_argument("--forest-window", type=int, default=0,
                   help="forest parents are drawn from the latest this many (default max(2000, N/5); 2000 gives the "
                        "deeper forest of the catalogs generated before 2026-12-02)")
    a = sub.add_parser("load-api")
    a.add_argument("--catalog", required=True)
    a.add_argument("--api", required=True)
    a.add_argument("--keycloak", required=True)
    a.add_argument("--workers", type=int, default=6)
    a.add_argument("--timeout", type=int, default=1800, help="give up after this many seconds")
    a.add_argument("--result")
    s = sub.add_parser("load-sql")
    s.add_argument("--catalog", required=True)
    s.add_argument("--psql", default="psql")
    s.add_argument("--psql-port", type=int, required=True)
    s.add_argument("--timeout", type=int, default=3600)
    s.add_argument("--result")
    args = p.parse_args()
    {"generate": generate, "load-api": load_api, "load-sql": load_sql}[args.cmd](args)


if __name__ == "__main__":
    main()
