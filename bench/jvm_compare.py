#!/usr/bin/env python3
"""Compares JVM options (collector, heap) on one kept catalog: starts the packaged service once per option set on
the PostgreSQL data directory a benchmark run left behind (bench/work/postgres, copied first so that the next
bench/run.sh may delete it), measures a few anonymous calls with wrk at some connection counts, and records the
service's RSS (sampled every 0.2 s, and the kernel's high-water mark) and its GC count and time (jstat).

    python3 bench/jvm_compare.py --pgdata <a copy of bench/work/postgres> --shape bench/work/catalog/shape.json \\
        --option "serial-256=-Xmx256m -XX:+UseSerialGC" --option "g1-256=-Xmx256m -XX:+UseG1GC"

Keycloak is not started: the calls are anonymous reads and checks, and the OIDC server is never asked for them.
Each option set is one JVM from a cold start, so the order of the option sets matters less than the machine's load;
the report gives every call's ratio to health-live of the same JVM, and the load average around each option set.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
LOOPBACK = "127.0.0.1"


def free_port():
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def status(url, body=None):
    req = urllib.request.Request(url, data=body.encode() if body else None,
                                 headers={"Content-Type": "application/json"} if body else {})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except OSError:
        return None, b""


def proc_status(pid):
    values = {}
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith(("VmRSS:", "VmHWM:")):
                name, value = line.split(":")
                values[name] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return values


def gc_totals(pid):
    """(collections, seconds) of all collectors so far, from jstat -gc."""
    res = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True)
    lines = res.stdout.split("\n")
    if len(lines) < 2:
        return None, None
    row = dict(zip(lines[0].split(), lines[1].split()))
    count = sum(int(float(row.get(k, 0))) for k in ("YGC", "FGC", "CGC") if row.get(k, "-") != "-")
    seconds = float(row.get("GCT", 0))
    return count, seconds


def calls(shape):
    chain = shape["chain"]
    check = lambda key: json.dumps({"task": "mri-reconstruction", "datasets": [{"key": key, "role": "train"}],
                                    "purpose": {"commercial": False, "methodsDevelopment": True}})
    return {
        "health-live": ("GET", "/q/health/live", None),
        "get-dataset": ("GET", "/api/v1/datasets/brats-2021", None),
        "list": ("GET", "/api/v1/datasets?limit=20", None),
        "check-shallow": ("POST", "/api/v1/checks", check("brats-2021")),
        "check-100-deep": ("POST", "/api/v1/checks", check(chain["at_depth_100"])),
        "check-1000-deep": ("POST", "/api/v1/checks", check(chain["at_depth_1000"])),
        "check-1000-deep-full": ("POST", "/api/v1/checks?paths=full", check(chain["at_depth_1000"])),
    }


def wrk(base, work, name, method, path, body, conns, duration):
    body_file = ""
    if body:
        body_file = os.path.join(work, f"{name}.body.json")
        with open(body_file, "w") as f:
            f.write(body)
    out = os.path.join(work, f"{name}-c{conns}.wrk.json")
    env = dict(os.environ, BENCH_METHOD=method, BENCH_PATH=path, BENCH_BODY_FILE=body_file, BENCH_TOKEN="",
               BENCH_HEADERS="", BENCH_OUT=out, BENCH_PREFIX="jvm")
    cmd = ["wrk", "-t", str(min(2, conns)), "-c", str(conns), "-d", f"{duration}s", "--timeout", "10s",
           "-s", os.path.join(BENCH, "wrk", "scenario.lua"), base]
    subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=duration + 60, check=True)
    with open(out) as f:
        return json.load(f)


def measure(name, opts, args, shape, work):
    port, pg_port = free_port(), free_port()
    cmd = ["java"] + opts.split() + [
        f"-Dquarkus.http.port={port}", f"-Dquarkus.http.host={LOOPBACK}",
        f"-Donlabel.embedded-db.data-dir={args.pgdata}", f"-Donlabel.embedded-db.port={pg_port}",
        f"-Dquarkus.oidc.auth-server-url=http://{LOOPBACK}:{free_port()}/realms/onlabel",
        "-Dquarkus.oidc.connection-delay=0S", "-Donlabel.verdicts.worker-enabled=false", "-jar", args.app]
    log = open(os.path.join(work, f"service-{name}.log"), "w")
    env = dict(os.environ, MALLOC_ARENA_MAX="2")
    service = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://{LOOPBACK}:{port}"
    try:
        t0 = time.time()
        while status(base + "/q/health/ready")[0] != 200:
            if service.poll() is not None or time.time() - t0 > 300:
                raise RuntimeError(f"{name}: the service did not get ready (see {log.name})")
            time.sleep(0.5)
        result = {"options": opts, "ready_s": round(time.time() - t0, 1), "load_before": os.getloadavg(),
                  "rss_idle_mb": proc_status(service.pid).get("VmRSS"), "calls": []}
        wanted = calls(shape)
        for call in args.calls.split(","):
            method, path, body = wanted[call]
            code, answer = status(base + path, body)
            probe = {"status": code, "bytes": len(answer)}
            if code != 200:
                result["calls"].append({"call": call, "probe": probe})
                continue
            wrk(base, work, call, method, path, body, max(args.conns), args.warmup)
            for conns in args.conns:
                peak = [0.0]
                stop = threading.Event()

                def sample():
                    while not stop.is_set():
                        peak[0] = max(peak[0], proc_status(service.pid).get("VmRSS", 0))
                        stop.wait(0.2)
                sampler = threading.Thread(target=sample, daemon=True)
                gc_before = gc_totals(service.pid)
                sampler.start()
                r = wrk(base, work, call, method, path, body, conns, args.duration)
                stop.set()
                sampler.join()
                gc_after = gc_totals(service.pid)
                alive = service.poll() is None
                result["calls"].append({
                    "call": call, "conns": conns, "probe": probe, "rps": round(r["rps"], 1),
                    "p50_ms": r.get("p50_ms"), "p99_ms": r.get("p99_ms"),
                    "errors": r.get("non_2xx_3xx", 0) + r.get("socket_errors", 0),
                    "rss_peak_mb": round(peak[0], 1),
                    "gc_count": None if None in (gc_before[0], gc_after[0]) else gc_after[0] - gc_before[0],
                    "gc_s": None if None in (gc_before[1], gc_after[1]) else round(gc_after[1] - gc_before[1], 3),
                    "alive": alive})
                print(f"[jvm] {name} {call} c={conns}: {r['rps']:.1f} req/s p99 {r.get('p99_ms')} ms, "
                      f"RSS peak {peak[0]:.0f} MB, alive {alive}", flush=True)
                if not alive:
                    break
            if service.poll() is not None:
                break
        result["rss_high_water_mb"] = proc_status(service.pid).get("VmHWM")
        result["exited"] = service.poll() is not None
        result["load_after"] = os.getloadavg()
        return result
    finally:
        if service.poll() is None:
            service.terminate()
            try:
                service.wait(60)
            except subprocess.TimeoutExpired:
                service.kill()
        log.close()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pgdata", required=True, help="a PostgreSQL data directory with a loaded catalog (a copy)")
    p.add_argument("--shape", default=os.path.join(BENCH, "work", "catalog", "shape.json"))
    p.add_argument("--app", default=os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar"))
    p.add_argument("--option", action="append", required=True, help="name=JVM options; repeat")
    p.add_argument("--calls", default="health-live,get-dataset,check-1000-deep")
    p.add_argument("--connections", default="8,32")
    p.add_argument("--duration", type=int, default=5)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--out", default=os.path.join(BENCH, "work", "jvm-compare.json"))
    args = p.parse_args()
    args.conns = [int(c) for c in args.connections.split(",")]
    with open(args.shape) as f:
        shape = json.load(f)
    work = os.path.join(BENCH, "work", "jvm")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    results = {}
    for option in args.option:
        name, opts = option.split("=", 1)
        results[name] = measure(name, opts, args, shape, work)
        with open(args.out, "w") as f:
            json.dump(results, f, indent=1)
    print_table(results)


def print_table(results):
    print("| options | call | conns | req/s | ratio to health-live | p99 ms | errors | RSS peak MB | GCs | GC s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        health = {c["conns"]: c["rps"] for c in r["calls"] if c["call"] == "health-live" and "rps" in c}
        for c in r["calls"]:
            if "rps" not in c:
                print(f"| {name} | {c['call']} | | probe {c['probe']['status']} | | | | | | |")
                continue
            ratio = round(c["rps"] / health[c["conns"]], 4) if health.get(c["conns"]) else ""
            print(f"| {name} | {c['call']} | {c['conns']} | {c['rps']} | {ratio} | {c['p99_ms']} | {c['errors']} "
                  f"| {c['rss_peak_mb']} | {c['gc_count']} | {c['gc_s']} |")
        print(f"| {name} | (whole run) | | | | | | high-water {r.get('rss_high_water_mb')} | "
              f"load {r['load_before'][0]:.1f}→{r['load_after'][0]:.1f} | exited {r['exited']} |")


if __name__ == "__main__":
    sys.exit(main())
