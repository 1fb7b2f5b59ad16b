#!/usr/bin/env python3
"""How fast the stored-verdict worker computes a freshly loaded catalog, without Keycloak or wrk.

Starts the packaged service (worker on, reference catalog on) on free loopback ports with its embedded PostgreSQL in
a fresh data directory, generates a catalog (catalog.py generate), loads it through the fast path (catalog.py
load-sql), then samples every --every seconds how many datasets still lack a current verdict, the stored verdict
rows, the load average and what the database's sessions wait on (pg_stat_activity), until none is pending or
--minutes pass. Prints a line per sample and writes a JSON summary (--result). Stops the service by its pid.

    python3 bench/verdict_rate.py --datasets 100000 --minutes 10 --result bench/work/verdict-rate.json
    BENCH_JAVA_OPTS="... -XX:StartFlightRecording=..." python3 bench/verdict_rate.py ...   # profile it (README)
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import BENCH, LOOPBACK, PENDING, ROOT, default_java_opts, free_port, http, psql_value, wait_until  # noqa: E402

WAITS = ("SELECT coalesce(string_agg(w, ', ' ORDER BY w), '') FROM (SELECT state || ':' || "
         "coalesce(wait_event_type || '/' || wait_event, 'cpu') || ' x' || count(*) AS w FROM pg_stat_activity "
         "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle' "
         "GROUP BY state, wait_event_type, wait_event) s")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--datasets", type=int, default=100000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--forest-window", type=int, default=0, help="catalog.py generate --forest-window (default: its own)")
    p.add_argument("--minutes", type=float, default=10, help="stop sampling after this long (default 10)")
    p.add_argument("--every", type=float, default=10, help="seconds between samples (default 10)")
    p.add_argument("--workers", type=int, help="onlabel.verdicts.workers (default: the service's)")
    p.add_argument("--batch-size", type=int, help="onlabel.verdicts.batch-size (default: the service's)")
    p.add_argument("--java-opts", default=os.environ.get("BENCH_JAVA_OPTS", default_java_opts()))
    p.add_argument("--work", default=os.path.join(BENCH, "work", "verdict-rate"))
    p.add_argument("--result", help="write the samples and the summary as JSON here")
    args = p.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    api_port, pg_port = free_port(), free_port()
    base = f"http://{LOOPBACK}:{api_port}"
    settings = [f"-Donlabel.verdicts.{k}={v}" for k, v in (("workers", args.workers), ("batch-size", args.batch_size))
                if v is not None]
    cmd = ["java"] + args.java_opts.split() + settings + [
        f"-Dquarkus.http.port={api_port}", f"-Dquarkus.http.host={LOOPBACK}",
        f"-Donlabel.embedded-db.data-dir={os.path.join(args.work, 'postgres')}", f"-Donlabel.embedded-db.port={pg_port}",
        f"-Dquarkus.oidc.auth-server-url=http://{LOOPBACK}:{free_port()}/realms/onlabel",
        "-Dquarkus.oidc.connection-delay=0S", "-Donlabel.verdicts.worker-enabled=true", "-Donlabel.reference-catalog.enabled=true",
        "-jar", os.environ.get("BENCH_APP", os.path.join(ROOT, "target/quarkus-app/quarkus-run.jar"))]
    log = open(os.path.join(args.work, "service.log"), "w")
    service = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                               env=dict(os.environ, MALLOC_ARENA_MAX="2"))
    samples = []
    try:
        wait_until("service", lambda: http("GET", base + "/q/health/ready", timeout=5)[0] == 200, 300)
        print(f"service pid {service.pid} on {base}, PostgreSQL on port {pg_port}", flush=True)
        catalog = os.path.join(args.work, "catalog")
        subprocess.run([sys.executable, os.path.join(BENCH, "catalog.py"), "generate", "--datasets",
                        str(args.datasets), "--seed", str(args.seed), "--forest-window", str(args.forest_window),
                        "--out", catalog], check=True)
        load = os.path.join(args.work, "load.json")
        subprocess.run([sys.executable, os.path.join(BENCH, "catalog.py"), "load-sql", "--catalog", catalog,
                        "--psql-port", str(pg_port), "--result", load], check=True)
        print(f"loaded: {json.load(open(load))}", flush=True)
        t0 = time.time()
        total = int(psql_value(pg_port, "SELECT count(*) FROM dataset"))
        while True:
            pending = int(psql_value(pg_port, PENDING))
            rows = int(psql_value(pg_port, "SELECT count(*) FROM dataset_verdict"))
            sample = {"s": round(time.time() - t0, 1), "pending": pending, "verdict_rows": rows,
                      "load": os.getloadavg()[0], "waits": psql_value(pg_port, WAITS)}
            samples.append(sample)
            print(json.dumps(sample), flush=True)
            if pending == 0 or time.time() - t0 > args.minutes * 60:
                break
            time.sleep(args.every)
        last = samples[-1]
        done = total - last["pending"]
        summary = {"datasets": total, "computed": done, "seconds": last["s"],
                   "datasets_per_s": round(done / last["s"], 1) if last["s"] else None,
                   "verdict_rows_per_s": round(last["verdict_rows"] / last["s"], 1) if last["s"] else None,
                   "all_current": last["pending"] == 0, "java_opts": args.java_opts, "settings": settings,
                   "load_average_max": max(s["load"] for s in samples)}
        print(json.dumps(summary), flush=True)
        if args.result:
            with open(args.result, "w") as out:
                json.dump({"summary": summary, "samples": samples}, out, indent=1)
    finally:
        service.send_signal(signal.SIGTERM)
        try:
            service.wait(60)
        except subprocess.TimeoutExpired:
            service.kill()


if __name__ == "__main__":
    main()
