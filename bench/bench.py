#!/usr/bin/env python3
"""Runs the OnLabel benchmark end to end; bench/run.sh builds the jar and calls this. See bench/README.md.

Everything it starts (Keycloak, the service with its embedded PostgreSQL) listens on free loopback ports, keeps
its data under bench/work/, and is stopped before it exits, also on Ctrl-C or an error. Every wait and every
load run is bounded in time.
"""
import argparse
import datetime
import glob
import hashlib
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
KEYCLOAK_VERSION = "26.5.6"
LOOPBACK = "127.0.0.1"


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def http(method, url, body=None, headers=None, timeout=30):
    """(status, parsed-or-text body) of one request; never raises for an HTTP status."""
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    except (urllib.error.URLError, OSError) as e:
        # no answer at all (the service died, or the connection was reset): status 0, so the report still gets written
        return 0, {"title": f"no answer: {e}"}
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


def wait_until(what, check, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{what} not ready within {seconds} s")


class Processes:
    """The processes this run started, each in its own process group, stopped by id in reverse order."""

    def __init__(self):
        self.started = []

    def start(self, name, cmd, logfile, env=None):
        out = open(logfile, "w")
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT, start_new_session=True)
        self.started.append((name, p))
        return p

    def stop(self, name, p, grace=60):
        if p.poll() is not None:
            return
        log(f"stopping {name} (pid {p.pid})")
        try:
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(grace)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(10)
        except ProcessLookupError:
            pass

    def stop_all(self):
        while self.started:
            name, p = self.started.pop()
            self.stop(name, p)


def stop_leftover_postgres(data_dir):
    """zonky's PostgreSQL stops with the service; should the service have died, stop it by its recorded pid."""
    pid_file = os.path.join(data_dir, "postmaster.pid")
    if not os.path.exists(pid_file):
        return
    try:
        pid = int(open(pid_file).readline().strip())
        os.kill(pid, signal.SIGTERM)
        log(f"stopped the embedded PostgreSQL left behind (pid {pid})")
        for _ in range(60):
            os.kill(pid, 0)
            time.sleep(0.5)
    except (ValueError, ProcessLookupError, PermissionError):
        pass


def rss_kb(pid):
    values = {}
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith(("VmRSS:", "VmHWM:")):
                name, value = line.split(":")
                values[name] = int(value.split()[0])
    except OSError:
        pass
    return values


class RssSampler(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.samples, self.stopping = pid, [], threading.Event()

    def run(self):
        while not self.stopping.wait(0.5):
            v = rss_kb(self.pid).get("VmRSS")
            if v:
                self.samples.append(v)

    def stop(self):
        self.stopping.set()
        self.join(5)
        return max(self.samples) if self.samples else None


def heap_settings(pid):
    try:
        flags = subprocess.run(["jcmd", str(pid), "VM.flags"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return {}
    out = {}
    for part in flags.split():
        for name in ("MaxHeapSize", "InitialHeapSize", "MaxMetaspaceSize", "UseG1GC", "UseSerialGC",
                     "UseParallelGC", "MaxRAM", "ActiveProcessorCount"):
            if part.startswith(f"-XX:{name}=") or part in (f"-XX:+{name}",):
                out[name] = part.split("=", 1)[1] if "=" in part else True
    if "MaxHeapSize" in out:
        out["MaxHeapSizeMB"] = int(out["MaxHeapSize"]) // (1024 * 1024)
    return out


class Tokens:
    def __init__(self, keycloak):
        self.url = keycloak + "/realms/onlabel/protocol/openid-connect/token"

    def _get(self, form):
        status, body = http("POST", self.url, urllib.parse.urlencode(form),
                            {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 200:
            raise RuntimeError(f"no token for {form.get('username') or form.get('client_id')}: {status}")
        return body["access_token"]

    def get(self, who):
        if who is None:
            return ""
        if who == "pipeline":
            return self._get({"grant_type": "client_credentials", "client_id": "onlabel-pipeline",
                              "client_secret": "pipeline-secret"})
        return self._get({"grant_type": "password", "client_id": "onlabel-cli", "username": who, "password": who})


def scenarios(shape):
    """(name, what it measures, method, path, body, token owner, extra headers). Reads are anonymous, as a public
    catalog is read; writes carry the token of the role that makes them."""
    chain = shape["chain"]
    sample = shape["forest"]["sample"]
    fan = shape["fanout"]["source"]

    def check(key):
        return json.dumps({"task": "mri-reconstruction", "datasets": [{"key": key, "role": "train"}],
                           "purpose": {"commercial": False, "methodsDevelopment": True}})

    keys = ["brats-2021", chain["at_depth_10"], sample, fan, "fastmri-knee-multicoil"]
    batch = json.dumps({"checks": [json.loads(check(keys[i % len(keys)])) | {"task": ["mri-reconstruction",
                        "segmentation", "classification"][i % 3]} for i in range(50)]})
    create = json.dumps({"key": "bench-new-{{n}}", "title": "Benchmark create {{n}}", "modalities": ["MR"],
                         "anatomy": ["knee"], "license": "CC-BY-4.0", "intendedUses": [{"task": "segmentation"}],
                         "representation": {"domain": "image", "complex": False, "coils": "combined",
                                            "compression": "none"}})
    derived = json.dumps({"key": "bench-derived-{{n}}", "title": "Benchmark derived {{n}}",
                          "derivedFrom": [{"key": sample}],
                          "preprocessing": [{"step": "coil-combination", "parameters": {"method": "RSS"}},
                                            {"step": "magnitude-extraction"}]})
    event = json.dumps({
        "eventType": "COMPLETE", "eventTime": "2026-12-01T10:00:00.000Z",
        "producer": "https://example.org/onlabel-bench",
        "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
        "run": {"runId": "{{n}}", "facets": {"onlabel_preprocessing": {
            "_producer": "https://example.org/onlabel-bench",
            "_schemaURL": "https://onlabel.example/facets/OnLabelPreprocessingFacet.json",
            "steps": [{"step": "coil-combination", "parameters": {"method": "RSS"}}]}}},
        "job": {"namespace": "bench-lab", "name": "rss"},
        "inputs": [{"namespace": "onlabel", "name": sample}],
        "outputs": [{"namespace": "s3://bench-lab", "name": "derived/{{n}}"}]})
    ds = "/api/v1/datasets"
    compare = json.dumps({"task": "segmentation", "role": "train", "purpose": {"commercial": False},
                          "candidates": ["brats-2021", sample, chain["at_depth_10"]]})
    return [
        ("health-live", "framework ceiling: GET /q/health/live", "GET", "/q/health/live", None, None, ""),
        ("get-dataset", "GET /datasets/brats-2021", "GET", f"{ds}/brats-2021", None, None, ""),
        ("list", "GET /datasets?limit=20", "GET", f"{ds}?limit=20", None, None, ""),
        ("search", "GET /datasets?q=knee&limit=20", "GET", f"{ds}?q=knee&limit=20", None, None, ""),
        ("lineage-up-10", f"upstream lineage of {chain['tip']}, depth 10", "GET",
         f"{ds}/{chain['tip']}/lineage?direction=upstream&depth=10&limit=1000", None, None, ""),
        ("lineage-up-100", f"upstream lineage of {chain['tip']}, depth 100", "GET",
         f"{ds}/{chain['tip']}/lineage?direction=upstream&depth=100&limit=1000", None, None, ""),
        ("lineage-up-1000", f"upstream lineage of {chain['tip']}, depth 1000", "GET",
         f"{ds}/{chain['tip']}/lineage?direction=upstream&depth=1000&limit=2000", None, None, ""),
        ("lineage-down-fanout", f"downstream of {fan} ({shape['fanout']['children']} children), depth 1, limit 100",
         "GET", f"{ds}/{fan}/lineage?direction=downstream&depth=1&limit=100", None, None, ""),
        ("history", f"history of {sample}", "GET", f"{ds}/{sample}/history", None, None, ""),
        ("history-chain-100", f"history of {chain['at_depth_100']} (100-deep chain)", "GET",
         f"{ds}/{chain['at_depth_100']}/history", None, None, ""),
        ("check-shallow", "POST /checks brats-2021 for mri-reconstruction", "POST", "/api/v1/checks",
         check("brats-2021"), None, ""),
        ("check-100-deep", f"POST /checks {chain['at_depth_100']} (100-deep chain)", "POST", "/api/v1/checks",
         check(chain["at_depth_100"]), None, ""),
        ("batch-50", "POST /checks/batch with 50 checks", "POST", "/api/v1/checks/batch", batch, None, ""),
        ("label", "GET /datasets/brats-2021/label", "GET", f"{ds}/brats-2021/label", None, None, ""),
        ("fit-for", "GET /datasets?fitFor=segmentation&limit=20 (stored verdicts)", "GET",
         f"{ds}?fitFor=segmentation&limit=20", None, None, ""),
        ("compare", f"POST /checks/compare, segmentation, 3 candidates (brats-2021, {sample}, {chain['at_depth_10']})",
         "POST", "/api/v1/checks/compare", compare, None, ""),
        ("overlaps", f"GET /datasets/{OVERLAP_A}/overlaps (two 100k-id manifests, same salt, 50 % shared)", "GET",
         f"{ds}/{OVERLAP_A}/overlaps", None, None, ""),
        ("datacite", "GET /datasets/brats-2021/datacite (DataCite export)", "GET", f"{ds}/brats-2021/datacite",
         None, None, ""),
        ("croissant", "GET /datasets/brats-2021/croissant (Croissant JSON-LD export)", "GET",
         f"{ds}/brats-2021/croissant", None, None, ""),
        ("web-search", "web page: GET /?q=brats (server-rendered search)", "GET", "/?q=brats", None, None, ""),
        ("web-dataset", "web page: GET /datasets/brats-2021 (label, per-task verdicts, ELK lineage SVG)", "GET",
         "/datasets/brats-2021", None, None, ""),
        ("create", "POST /datasets (curator alice, a new key each time)", "POST", ds, create, "alice", ""),
        ("derived-create-idempotent", f"POST /datasets derived from {sample}, pipeline, Idempotency-Key", "POST", ds,
         derived, "pipeline", "Idempotency-Key: bench-{{n}}"),
        ("openlineage-complete", "POST /lineage, one COMPLETE event (new run and output each time)", "POST",
         "/api/v1/lineage", event, "pipeline", ""),
        # Last: a 1,000-deep check still runs for seconds and holds a database connection after wrk gives up on
        # it, which would turn the calls measured after it into 503s.
        ("check-1000-deep", f"POST /checks {chain['at_depth_1000']} ({chain['length']}-deep chain)", "POST",
         "/api/v1/checks", check(chain["at_depth_1000"]), None, ""),
        ("check-1000-deep-compact", f"POST /checks?paths=compact {chain['at_depth_1000']} (cut paths, one map)",
         "POST", "/api/v1/checks?paths=compact", check(chain["at_depth_1000"]), None, ""),
        # A timed one-off, not wrk, and after everything else: it retracts the fan-out source.
        (RETRACTION, f"retract {fan} ({shape['fanout']['children']} children), until every descendant's stored "
         "verdict is current", TIMED, f"{ds}/{fan}/retraction", None, "carol", ""),
    ]


OVERLAP_A, OVERLAP_B = "bench-overlap-a", "bench-overlap-b"
RETRACTION = "retraction-recompute"
TIMED = "TIMED"
# Not among the calls issue 12 lists: measured only with --extended, or when --only names them, so that the default
# 10k run fits into 10 minutes.
EXTENDED = {"history-chain-100", "check-1000-deep-compact", "datacite", "croissant", "web-search", "web-dataset"}


def psql_value(pg_port, sql):
    return subprocess.check_output(["psql", "-h", LOOPBACK, "-p", str(pg_port), "-U", "postgres", "-d", "postgres",
                                    "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql], text=True,
                                   timeout=600).strip()


def prepare_overlaps(base, tokens):
    """Two synthetic datasets with 100,000-id subject manifests made with one salt, 50,000 ids shared."""
    token = tokens.get("alice")
    hdr = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
    for key, first in ((OVERLAP_A, 0), (OVERLAP_B, 50_000)):
        body = {"key": key, "title": f"Benchmark overlap {key}", "modalities": ["CT"], "anatomy": ["chest"],
                "license": "CC-BY-4.0", "intendedUses": [{"task": "detection"}], "organization": "nyu"}
        status, answer = http("POST", base + "/api/v1/datasets", json.dumps(body), hdr)
        if status not in (201, 409):
            raise RuntimeError(f"overlap dataset {key}: {status} {answer}")
        ids = [hashlib.sha256(f"bench-salt:patient-{i}".encode()).hexdigest() for i in range(first, first + 100_000)]
        manifest = json.dumps({"level": "subject", "salt": "bench-salt", "ids": ids})
        t0 = time.time()
        status, answer = http("PUT", base + f"/api/v1/datasets/{key}/manifest", manifest, hdr, timeout=600)
        if status >= 300:
            raise RuntimeError(f"manifest of {key}: {status} {answer}")
        log(f"manifest of {key}: 100,000 ids in {time.time() - t0:.1f} s")


# every dataset without a current verdict (stale, or no state row at all)
PENDING = ("SELECT count(*) FROM dataset d WHERE NOT EXISTS (SELECT 1 FROM dataset_verdict_state s "
           "WHERE s.dataset_id = d.id AND NOT s.stale)")


def retraction_recompute(base, tokens, shape, pg_port, timeout=3600):
    """Waits until every stored verdict is current, retracts the fan-out source, and measures the time until
    every descendant's stored verdict is current again (the worker drains them; nothing else is asked meanwhile)."""
    fan = shape["fanout"]["source"]
    t0 = time.time()
    while int(psql_value(pg_port, PENDING)) > 0:
        if time.time() - t0 > timeout:
            return {"not_askable": {"status": 0, "title": f"verdicts not current after {timeout} s"}}
        time.sleep(1)
    initial = round(time.time() - t0, 1)
    fan_id = psql_value(pg_port, f"SELECT id FROM dataset WHERE key = '{fan}'")
    down = (f"WITH RECURSIVE down(id) AS (SELECT CAST({fan_id} AS bigint) UNION SELECT dv.child_id FROM down "
            "JOIN derivation dv ON dv.parent_id = down.id) ")
    descendants = int(psql_value(pg_port, down + "SELECT count(*) - 1 FROM down"))
    hdr = {"Content-Type": "application/json", "Authorization": "Bearer " + tokens.get("carol")}
    start = time.time()
    status, answer = http("POST", base + f"/api/v1/datasets/{fan}/retraction",
                          json.dumps({"reason": "benchmark: retraction above the fan-out"}), hdr, timeout=600)
    acknowledged = time.time() - start
    if status != 200:
        return {"not_askable": {"status": status, "title": (answer or {}).get("title", "") if isinstance(answer, dict) else ""}}
    stale = down + ("SELECT count(*) FROM down JOIN dataset_verdict_state s ON s.dataset_id = down.id "
                    "WHERE s.stale")
    while int(psql_value(pg_port, stale)) > 0:
        if time.time() - start > timeout:
            return {"not_askable": {"status": 0, "title": f"descendants not current after {timeout} s"}}
        time.sleep(0.2)
    seconds = time.time() - start
    rows = int(psql_value(pg_port, down + "SELECT count(*) FROM down JOIN dataset_verdict v ON v.dataset_id = down.id"))
    off = psql_value(pg_port, down + "SELECT count(*) FROM down JOIN dataset_verdict v ON v.dataset_id = down.id "
                     "WHERE v.task = 'segmentation' AND v.viewer = '' AND v.verdict = 'OFF_LABEL'")
    return {"seconds": round(seconds, 2), "acknowledged_after_s": round(acknowledged, 3),
            "datasets": descendants + 1, "datasets_per_s": round((descendants + 1) / seconds, 1),
            "verdict_rows": rows, "rows_per_s": round(rows / seconds, 1),
            "descendants_off_label_for_segmentation": int(off), "initial_compute_wait_s": initial}


# Warmed up on their own, just before they are measured: the writes (so that reads are measured on the catalog as
# loaded) and the 1,000-deep checks (a request still runs for seconds after wrk gives up on it).
SOLO_WARMUP = {"check-1000-deep", "check-1000-deep-compact"}
SHARED_WARMUP_GROUP = 4


def shared_warmup(base, work, run_id, calls, conns, seconds):
    """One unrecorded warm-up for all the anonymous reads, SHARED_WARMUP_GROUP calls at a time, each with a share of
    the connections for twice the per-call warm-up: about half the requests a call got when warmed alone, and the
    code they share (HTTP, security, JSON, queries) warms for all of them, in a quarter of the time."""
    started = time.time()
    share = max(1, conns // SHARED_WARMUP_GROUP)
    for i in range(0, len(calls), SHARED_WARMUP_GROUP):
        group = calls[i:i + SHARED_WARMUP_GROUP]
        threads = [threading.Thread(target=run_wrk, args=(base, work, name + "-warmup", method, path, body, "",
                                                          headers, share, 2 * seconds, f"{run_id}-{name}-warmup"))
                   for name, _, method, path, body, _, headers in group]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    log(f"shared warm-up of {len(calls)} reads: {round(time.time() - started, 1)} s")
    return {sc[0] for sc in calls}


def askable(probe):
    return 0 < probe["status"] < 400


def probe_call(base, tokens, shape, run_id, sc):
    """One request before the load: its status, and what the answer says about its size."""
    name, _, method, path, body, who, headers = sc
    token = tokens.get(who)
    hdr = {"Content-Type": "application/json"} if body else {}
    if token:
        hdr["Authorization"] = "Bearer " + token
    for h in headers.splitlines():
        k, v = h.split(":", 1)
        hdr[k] = v.strip().replace("{{n}}", f"{run_id}-probe-{name}")
    probe_body = body.replace("{{n}}", f"{run_id}-probe-{name}") if body else None
    status, answer = http(method, base + path, probe_body, hdr)
    probe = {"status": status}
    if isinstance(answer, dict):
        for k in ("title", "detail", "verdict", "truncated"):
            if k in answer:
                probe[k] = answer[k]
        if "nodes" in answer:
            probe["nodes"] = len(answer["nodes"])
            probe["deepest"] = max((abs(n.get("depth") or 0) for n in answer["nodes"]), default=0)
        if "entries" in answer:
            probe["entries"] = len(answer["entries"])
        if "findings" in answer:  # the answer's size matters for deep checks (paths=full|compact)
            probe["findings"] = len(answer["findings"])
            probe["json_bytes"] = len(json.dumps(answer, separators=(",", ":")).encode())
    if name == "lineage-up-1000" and probe.get("deepest") is not None:
        reachable = shape["chain"]["length"] + 1      # the chain and the reference dataset it starts from
        if probe["deepest"] < min(1000, reachable) and not probe.get("truncated"):
            probe["capped_at_depth"] = probe["deepest"]
    return probe


def run_wrk(base, work, name, method, path, body, token, headers, conns, duration, prefix):
    body_file = ""
    if body:
        body_file = os.path.join(work, f"{name}.body.json")
        with open(body_file, "w") as f:
            f.write(body)
    out = os.path.join(work, f"{name}-c{conns}.wrk.json")
    env = dict(os.environ, BENCH_METHOD=method, BENCH_PATH=path, BENCH_BODY_FILE=body_file, BENCH_TOKEN=token,
               BENCH_HEADERS=headers, BENCH_OUT=out, BENCH_PREFIX=prefix)
    threads = min(2, conns)
    cmd = ["wrk", "-t", str(threads), "-c", str(conns), "-d", f"{duration}s", "--timeout", "10s",
           "-s", os.path.join(BENCH, "wrk", "scenario.lua"), base]
    subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=duration + 60, check=True)
    with open(out) as f:
        return json.load(f)


def pgbench(port, work, conns, duration):
    prefix = os.path.join(work, f"pgbench-c{conns}")
    for old in glob.glob(prefix + "*"):
        os.remove(old)
    cmd = ["pgbench", "-h", LOOPBACK, "-p", str(port), "-U", "postgres", "-n", "-S", "-c", str(conns),
           "-j", str(min(2, conns)), "-T", str(duration), "-l", "--log-prefix", prefix, "bench_pgbench"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60, check=True)
    tps = None
    for line in res.stdout.splitlines():
        if line.startswith("tps ="):
            tps = float(line.split()[2])
    latencies = []
    for name in glob.glob(prefix + "*"):
        with open(name) as f:
            latencies += [int(line.split()[2]) for line in f if line.strip()]
    latencies.sort()

    def pct(p):
        return round(latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] / 1000, 3) if latencies else None
    return {"requests": len(latencies), "rps": tps, "p50_ms": pct(50), "p99_ms": pct(99), "socket_errors": 0,
            "non_2xx_3xx": 0}


def main():
    p = argparse.ArgumentParser(description="OnLabel benchmark (see bench/README.md)")
    p.add_argument("--datasets", type=int, default=10000, help="synthetic datasets to generate (default 10000)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--duration", type=int, default=3,
                   help="seconds per call and connection count (default 3; the issue's setting is 10)")
    p.add_argument("--warmup", type=int, default=2,
                   help="seconds of unrecorded load per call before it is measured, at the most connections (default 2)")
    p.add_argument("--connections", default="1,8,32", help="comma-separated connection counts (default 1,8,32)")
    p.add_argument("--load", choices=["auto", "api", "sql"], default="auto",
                   help="how the catalog is loaded: through the API, or COPY into PostgreSQL (auto: api up to 20000)")
    p.add_argument("--only", default="", help="comma-separated scenario names to run (default: every call the "
                                              "issue lists and the baselines)")
    p.add_argument("--extended", action="store_true",
                   help="also the calls the issue does not list: " + ", ".join(sorted(EXTENDED)))
    p.add_argument("--java-opts", default=os.environ.get("BENCH_JAVA_OPTS", default_java_opts()),
                   help="JVM options for the service (default: those of jvm.options, as run.sh uses them)")
    p.add_argument("--verdict-worker", choices=["on", "off"], default="on",
                   help="run the service's stored-verdict worker (default on: the load waits until every verdict is "
                        "computed before measuring; off for a bulk load whose verdicts should not be computed)")
    p.add_argument("--label", default="", help="a note printed at the top of the report, e.g. 'smoke run'")
    p.add_argument("--results", default=os.path.join(BENCH, "results"))
    args = p.parse_args()
    conns = [int(c) for c in args.connections.split(",") if c.strip()]
    if any(c < 1 or c > 256 for c in conns) or not 1 <= args.duration <= 300 or not 0 <= args.warmup <= 60:
        p.error("connections must be 1..256, duration 1..300 s and warm-up 0..60 s")
    load = args.load if args.load != "auto" else ("api" if args.datasets <= 20000 else "sql")

    started_at = datetime.datetime.now(datetime.timezone.utc)
    work = os.path.join(BENCH, "work")
    if os.path.isdir(work):
        shutil.rmtree(work)
    os.makedirs(work)
    procs = Processes()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    pg_dir = os.path.join(work, "postgres")
    try:
        result = run(args, conns, load, work, pg_dir, procs, started_at)
    finally:
        procs.stop_all()
        stop_leftover_postgres(pg_dir)
    os.makedirs(args.results, exist_ok=True)
    stamp = started_at.strftime("%Y-%m-%dT%H%M%SZ")
    with open(os.path.join(args.results, f"{stamp}.json"), "w") as f:
        json.dump(result, f, indent=2)
    with open(os.path.join(args.results, f"{stamp}.md"), "w") as f:
        f.write(markdown(result))
    log(f"report: {os.path.relpath(os.path.join(args.results, stamp), ROOT)}.md and .json")


def default_java_opts():
    """The service's JVM options as run.sh starts it: the lines of jvm.options that are not comments."""
    with open(os.path.join(ROOT, "jvm.options")) as f:
        return " ".join(line.strip() for line in f if line.strip() and not line.lstrip().startswith("#"))


def keycloak_home():
    for candidate in (os.environ.get("BENCH_KEYCLOAK_HOME", ""), f"data/keycloak/keycloak-{KEYCLOAK_VERSION}",
                      f"target/keycloak/keycloak-{KEYCLOAK_VERSION}"):
        if candidate and os.access(os.path.join(ROOT, candidate, "bin", "kc.sh"), os.X_OK):
            return os.path.join(ROOT, candidate)
    raise RuntimeError("no Keycloak distribution: run ./mvnw -B -q dependency:unpack@keycloak-for-run")


def run(args, conns, load, work, pg_dir, procs, started_at):
    # wall-clock seconds of each phase, to say where a run's time goes (the build is timed by run.sh)
    phases = {"build": float(os.environ["BENCH_BUILD_SECONDS"])} if os.environ.get("BENCH_BUILD_SECONDS") else {}
    phase_started = [time.time()]

    def phase(name):
        now = time.time()
        phases[name] = round(now - phase_started[0], 1)
        phase_started[0] = now

    kc_port, kc_mgmt, api_port, pg_port = free_port(), free_port(), free_port(), free_port()
    home = keycloak_home()
    os.makedirs(os.path.join(home, "data", "import"), exist_ok=True)
    shutil.copy(os.path.join(ROOT, "keycloak", "onlabel-realm.json"), os.path.join(home, "data", "import"))
    kc_url = f"http://{LOOPBACK}:{kc_port}"
    log(f"starting Keycloak on {kc_url} (log bench/work/keycloak.log)")
    kc_env = dict(os.environ, KC_BOOTSTRAP_ADMIN_USERNAME="admin", KC_BOOTSTRAP_ADMIN_PASSWORD="admin",
                  JAVA_OPTS_APPEND="-Xms64m -Xmx512m")
    procs.start("Keycloak", [os.path.join(home, "bin", "kc.sh"), "start-dev", f"--http-port={kc_port}",
                             f"--http-management-port={kc_mgmt}", "--http-host=" + LOOPBACK, "--db=dev-mem",
                             "--import-realm", "--hostname-strict=false"],
                os.path.join(work, "keycloak.log"), env=kc_env)
    wait_until("Keycloak", lambda: http("GET", kc_url + "/realms/onlabel", timeout=5)[0] == 200, 600)
    tokens = Tokens(kc_url)

    base = f"http://{LOOPBACK}:{api_port}"
    cmd = ["java"] + args.java_opts.split() + [
        f"-Dquarkus.http.port={api_port}", f"-Dquarkus.http.host={LOOPBACK}",
        f"-Donlabel.embedded-db.data-dir={pg_dir}", f"-Donlabel.embedded-db.port={pg_port}",
        f"-Dquarkus.oidc.auth-server-url={kc_url}/realms/onlabel", "-Dquarkus.oidc.connection-delay=2M",
        "-Donlabel.reference-catalog.enabled=true",
        f"-Donlabel.verdicts.worker-enabled={'true' if args.verdict_worker == 'on' else 'false'}", "-jar", os.environ.get("BENCH_APP", os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar"))]
    log(f"starting the service on {base}, PostgreSQL on port {pg_port} (log bench/work/service.log)")
    t0 = time.time()
    # as run.sh and the Deployment do: two malloc arenas instead of eight per core for the JVM's native allocations
    service_env = dict(os.environ, MALLOC_ARENA_MAX=os.environ.get("MALLOC_ARENA_MAX", "2"))
    service = procs.start("service", cmd, os.path.join(work, "service.log"), env=service_env)
    wait_until("service", lambda: http("GET", base + "/q/health/ready", timeout=5)[0] == 200, 300)
    startup = round(time.time() - t0, 2)
    log(f"service ready after {startup} s")
    phase("start Keycloak and the service")
    idle_rss = rss_kb(service.pid)

    catalog = os.path.join(work, "catalog")
    py = sys.executable
    subprocess.run([py, os.path.join(BENCH, "catalog.py"), "generate", "--datasets", str(args.datasets),
                    "--seed", str(args.seed), "--out", catalog], check=True, timeout=1800)
    shape = json.load(open(os.path.join(catalog, "shape.json")))
    phase("generate the catalog")
    load_result = os.path.join(work, "load.json")
    log(f"loading {shape['datasets']} datasets ({load})")
    if load == "api":
        subprocess.run([py, os.path.join(BENCH, "catalog.py"), "load-api", "--catalog", catalog, "--api", base,
                        "--keycloak", kc_url, "--result", load_result], check=True, timeout=3600)
    else:
        subprocess.run([py, os.path.join(BENCH, "catalog.py"), "load-sql", "--catalog", catalog,
                        "--psql-port", str(pg_port), "--result", load_result], check=True, timeout=7200)
    loaded = json.load(open(load_result))
    phase("load the catalog")
    log(f"loaded: {loaded}")
    # the worker computes every dataset's stored verdicts after the load; measuring while it runs would measure it
    verdicts = {"worker": args.verdict_worker}
    if args.verdict_worker == "on":
        t1 = time.time()
        pending = int(psql_value(pg_port, PENDING))
        while pending > 0 and time.time() - t1 < 1800:
            time.sleep(2)
            pending = int(psql_value(pg_port, PENDING))
        verdicts.update(seconds_after_load=round(time.time() - t1, 1), still_pending=pending)
        log(f"stored verdicts current {verdicts['seconds_after_load']} s after the load ({pending} pending)")

    phase("wait for the stored verdicts")
    # the database ceiling, against the same PostgreSQL
    psql = ["psql", "-h", LOOPBACK, "-p", str(pg_port), "-U", "postgres", "-q", "-v", "ON_ERROR_STOP=1"]
    subprocess.run(psql + ["-d", "postgres", "-c", "CREATE DATABASE bench_pgbench"], check=True, timeout=60)
    subprocess.run(["pgbench", "-h", LOOPBACK, "-p", str(pg_port), "-U", "postgres", "-i", "-q", "-s", "10",
                    "bench_pgbench"], check=True, timeout=600, capture_output=True)

    only = {s for s in args.only.split(",") if s}
    unknown = only - {sc[0] for sc in scenarios(shape)}
    if unknown:
        raise SystemExit(f"--only names unknown calls: {', '.join(sorted(unknown))}")
    rows = []
    sampler = RssSampler(service.pid)
    sampler.start()
    for c in conns:
        r = pgbench(pg_port, work, c, args.duration)
        rows.append({"scenario": "pgbench-select", "what": "database ceiling: pgbench -S (primary-key SELECT)",
                     "connections": c, **r})
        log(f"pgbench -S c={c}: {r['rps']} tps")
    run_id = started_at.strftime("%H%M%S")
    probes = {}
    if not only or "overlaps" in only:
        prepare_overlaps(base, tokens)
    selected = [sc for sc in scenarios(shape)
                if (sc[0] in only if only else args.extended or sc[0] not in EXTENDED) or sc[0] == "health-live"]
    shared = [sc for sc in selected if sc[2] != TIMED and sc[5] is None and sc[0] not in SOLO_WARMUP]
    for sc in shared:
        probes[sc[0]] = probe_call(base, tokens, shape, run_id, sc)
    warmed = set()
    if args.warmup:
        warmed = shared_warmup(base, work, run_id, [sc for sc in shared if askable(probes[sc[0]])], max(conns),
                               args.warmup)
    for sc in selected:
        name, what, method, path, body, who, headers = sc
        if method == TIMED:
            r = retraction_recompute(base, tokens, shape, pg_port)
            rows.append({"scenario": name, "what": what, "connections": 1, "timed": True, **r})
            log(f"{name}: {r}")
            continue
        if name not in probes:
            probes[name] = probe_call(base, tokens, shape, run_id, sc)
        probe = probes[name]
        if not askable(probe):
            log(f"{name}: not askable, the probe answered {probe['status']} {probe.get('title', '')}")
            for c in conns:
                rows.append({"scenario": name, "what": what, "connections": c, "not_askable": probe})
            continue
        if args.warmup and name not in warmed:
            run_wrk(base, work, name, method, path, body, tokens.get(who), headers, max(conns), args.warmup,
                    f"{run_id}-{name}-warmup")
        for c in conns:
            token = tokens.get(who)      # fresh for each run: tokens live five minutes
            r = run_wrk(base, work, name, method, path, body, token, headers, c, args.duration,
                        f"{run_id}-{name}-c{c}")
            r["rss_mb_after"] = round(rss_kb(service.pid).get("VmRSS", 0) / 1024, 1)
            rows.append({"scenario": name, "what": what, "connections": c, **r})
            log(f"{name} c={c}: {r['rps']} req/s, p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms"
                + (f", {r['non_2xx_3xx']} errors" if r["non_2xx_3xx"] else ""))
    peak = sampler.stop()
    phase("measure the calls")
    exited = service.poll()
    if exited is not None:
        log(f"the service exited with code {exited} during the run (see bench/work/service.log)")
    final = rss_kb(service.pid)
    heap = heap_settings(service.pid)
    started_line = next((line.strip() for line in open(os.path.join(work, "service.log"))
                         if "started in" in line), "")
    ceilings = {}
    for row in rows:
        if row["scenario"] in ("health-live", "pgbench-select") and row.get("rps"):
            ceilings[(row["scenario"], row["connections"])] = row["rps"]
    for row in rows:
        if row.get("rps"):
            for ceiling, key in (("health-live", "ratio_to_health"), ("pgbench-select", "ratio_to_db")):
                if (ceiling, row["connections"]) in ceilings and row["scenario"] != ceiling:
                    row[key] = round(row["rps"] / ceilings[(ceiling, row["connections"])], 4)
    return {
        "started_at": started_at.isoformat(timespec="seconds"),
        "label": args.label,
        "machine": {"cpus": os.cpu_count(), "load_average_at_start": list(os.getloadavg()),
                    "python": platform.python_version(), "kernel": platform.release()},
        "settings": {"datasets": args.datasets, "seed": args.seed, "duration_s": args.duration, "warmup_s": args.warmup,
                     "connections": conns, "load": load, "java_opts": args.java_opts,
                     "wrk_threads": "min(2, connections)"},
        "catalog": shape, "catalog_load": loaded, "verdicts": verdicts,
        "phases_s": phases, "total_s": round(sum(phases.values()), 1),
        "service": {"startup_to_ready_s": startup, "quarkus_started_line": started_line,
                    "rss_mb_idle_after_start": round(idle_rss.get("VmRSS", 0) / 1024, 1),
                    "rss_mb_peak_sampled_under_load": round(peak / 1024, 1) if peak else None,
                    "rss_mb_end": round(final.get("VmRSS", 0) / 1024, 1),
                    "rss_mb_high_water_mark": round(final.get("VmHWM", 0) / 1024, 1), "heap": heap,
                    "exit_code_during_run": exited},
        "probes": probes,
        "results": rows,
    }


def markdown(r):
    s = r["settings"]
    svc = r["service"]
    lines = [f"# OnLabel benchmark, {r['started_at']}", ""]
    if r["label"]:
        lines += [f"> **{r['label']}**", ""]
    lines += [
        f"- machine: {r['machine']['cpus']} CPUs, load average at start {r['machine']['load_average_at_start']}",
        f"- catalog: {r['catalog']['datasets']} synthetic datasets (seed {s['seed']}) plus the reference catalog, "
        f"loaded via {s['load']} in {r['catalog_load']['seconds']} s"
        + (f" ({r['catalog_load']['per_second']} datasets/s with {r['catalog_load']['workers']} workers)"
           if "per_second" in r["catalog_load"] else ""),
        (f"- stored verdicts: computed by the worker, current {r['verdicts']['seconds_after_load']} s after the load"
         f" ({r['verdicts']['still_pending']} still pending), before anything was measured"
         if r.get("verdicts", {}).get("worker") == "on" else
         "- stored verdicts: worker off (`--verdict-worker off`), verdicts not computed after the load"),
        f"- shapes: chain of {r['catalog']['chain']['length']}, fan-out of {r['catalog']['fanout']['children']}, "
        f"{r['catalog']['diamonds']['count']} diamonds, {r['catalog']['embargoed']['count']} embargoed datasets of "
        f"{len(r['catalog']['embargoed']['organizations'])} organizations",
        *([f"- wall clock: {r['total_s']} s in all — " + ", ".join(f"{k} {v} s" for k, v in r["phases_s"].items())]
          if r.get("phases_s") else []),
        f"- load: wrk, {s['duration_s']} s per call and connection count after {s.get('warmup_s', 0)} s of warm-up, "
        f"threads = min(2, connections); "
        f"reads anonymous, writes with Keycloak tokens",
        f"- service: JVM options `{s['java_opts'] or '(none)'}`; heap {svc['heap'].get('MaxHeapSizeMB', '?')} MB max "
        f"(MaxMetaspaceSize {svc['heap'].get('MaxMetaspaceSize', 'unlimited')}); ready {svc['startup_to_ready_s']} s "
        f"after launch; RSS idle {svc['rss_mb_idle_after_start']} MB, peak under load "
        f"{svc['rss_mb_peak_sampled_under_load']} MB, high-water mark {svc['rss_mb_high_water_mark']} MB",
        *([f"- **the service exited during the run (exit code {svc['exit_code_during_run']})**; rows after that "
            "are \"not askable: 0 no answer\"" ] if svc.get("exit_code_during_run") is not None else []),
        "", "Ratios: req/s divided by `/q/health/live` (framework ceiling) and by `pgbench -S` (database ceiling) "
        "at the same connection count.", "",
        "| call | conns | req/s | p50 ms | p99 ms | errors | ratio to health | ratio to db | RSS MB after |",
        "|---|---|---|---|---|---|---|---|---|"]
    for row in r["results"]:
        if row.get("timed") and "not_askable" not in row:
            lines.append(f"| {row['scenario']} | one-off | {row['datasets']} datasets current after {row['seconds']} s "
                         f"({row['datasets_per_s']} datasets/s, {row['rows_per_s']} verdict rows/s; retraction "
                         f"acknowledged after {row['acknowledged_after_s']} s) | | | | | | |")
            continue
        if "not_askable" in row:
            pr = row["not_askable"]
            lines.append(f"| {row['scenario']} | {row['connections']} | not askable: {pr['status']} "
                         f"{pr.get('title', '')} | | | | | | |")
            continue
        errors = row.get("non_2xx_3xx", 0) + row.get("socket_errors", 0)
        capped = r["probes"].get(row["scenario"], {}).get("capped_at_depth")
        if capped is not None:
            row = dict(row, scenario=f"{row['scenario']} (capped at depth {capped})")
        if not row.get("requests"):
            lines.append(f"| {row['scenario']} | {row['connections']} | no request completed in "
                         f"{s['duration_s']} s | | | {errors} | | | {row.get('rss_mb_after', '')} |")
            continue
        lines.append(f"| {row['scenario']} | {row['connections']} | {row['rps']:.0f} | {row['p50_ms']} | "
                     f"{row['p99_ms']} | {errors} | {row.get('ratio_to_health', '')} | {row.get('ratio_to_db', '')} | "
                     f"{row.get('rss_mb_after', '')} |")
    for name, probe in r["probes"].items():
        if "capped_at_depth" in probe:
            lines += ["", f"**{name}**: the service answers a depth-1000 walk only to depth {probe['capped_at_depth']} "
                      "(`onlabel.lineage.max-depth`), so a 1,000-deep ancestry cannot be asked for; the row measures "
                      "the capped walk."]
    lines += ["", "What each call is:", ""]
    seen = set()
    for row in r["results"]:
        if row["scenario"] not in seen:
            seen.add(row["scenario"])
            probe = r["probes"].get(row["scenario"])
            lines.append(f"- `{row['scenario']}`: {row['what']}" + (f" — probe: `{json.dumps(probe)}`" if probe else ""))
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
