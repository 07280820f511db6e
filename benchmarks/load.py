"""Load benchmark (not a test): the real server under concurrent clients, PostgreSQL vs SQLite.

For each database it builds a generated library (benchmarks/library_gen.py,
or with ``--generator web`` the one of benchmarks/web.py), starts
``uvicorn --factory habeas.web.app:create_app --workers N`` on a free
loopback port, and runs ``--clients`` virtual users for ``--seconds``
seconds. Each user loops over a weighted mix of search, fact listing,
country profile JSON, single-fact reads and review actions
(accept/reject/patch with the version last seen, so concurrent editors meet
real 409 Conflicts, counted apart and not as errors).

Errors are transport failures, 5xx, and any 4xx other than a 409 on a review
action. The run exits non-zero if there is any error. Traffic goes only to
127.0.0.1; the PostgreSQL database and temp files are removed at the end.

    .venv/bin/python benchmarks/load.py [--seconds 60] [--clients 50] [--workers 4]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import math
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
HOST = "127.0.0.1"  # the only address this benchmark ever talks to
KIND_WEIGHTS = {"search": 25, "facts": 25, "profile": 15, "fact": 20, "review": 15}
KINDS = list(KIND_WEIGHTS)


def _generator(name: str) -> ModuleType:
    """Load a generator module of benchmarks/ by path (benchmarks is no package).

    ``library_gen`` (default) has realistic word statistics; ``web`` is the
    26-word library of benchmarks/web.py, where every search matches most passages.
    """
    spec = importlib.util.spec_from_file_location(f"habeas_bench_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- measurements

@dataclass
class Stats:
    """Latencies per kind of request, plus the answers that are not plain successes."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    conflicts: int = 0
    error_samples: list[str] = field(default_factory=list)

    def record(self, kind: str, ms: float) -> None:
        self.latencies[kind].append(ms)

    def error(self, kind: str, what: str) -> None:
        self.errors[kind] += 1
        if len(self.error_samples) < 8:
            self.error_samples.append(f"{kind}: {what}")

    @property
    def total_errors(self) -> int:
        return sum(self.errors.values())


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted list (0 if empty)."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


@dataclass
class Result:
    name: str
    seconds: float
    stats: Stats

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.stats.latencies.values())

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def p95(self) -> float:
        return percentile(sorted(v for vals in self.stats.latencies.values() for v in vals), 95)

    def table(self) -> str:
        rows = [(kind, sorted(self.stats.latencies.get(kind, []))) for kind in KINDS]
        every = sorted(v for _, vals in rows for v in vals)
        lines = [(f"== {self.name}: {self.requests} requests in {self.seconds:.1f} s = "
                  f"{self.throughput:.1f} req/s, errors {self.stats.total_errors}, "
                  f"409 conflicts {self.stats.conflicts}"),
                 f"{'kind':10} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}"]
        for kind, vals in [*rows, ("all", every)]:
            errors = self.stats.total_errors if kind == "all" else self.stats.errors.get(kind, 0)
            lines.append(f"{kind:10} {len(vals):9d} {len(vals) / self.seconds:8.1f} "
                         f"{percentile(vals, 50):8.1f} {percentile(vals, 95):8.1f} "
                         f"{percentile(vals, 99):8.1f} {errors:7d}")
        lines += [f"   error: {s}" for s in self.stats.error_samples]
        return "\n".join(lines)


# ---------------------------------------------------------------- the library

@dataclass
class Targets:
    """What the virtual users pick from: ids that the public API can see."""

    fact_ids: list[int]
    statistic_ids: list[int]
    review_ids: list[int]
    countries: list[str]
    words: list[str]
    versions: dict[int, int]


def load_targets(url: str, words: list[str]) -> Targets:
    from sqlalchemy import select

    from habeas.store.database import Database
    from habeas.store.models import FactRow

    db = Database(url)
    try:
        with db.engine.connect() as conn:
            rows = conn.execute(select(FactRow.id, FactRow.type, FactRow.status, FactRow.country,
                                       FactRow.version).where(FactRow.confidential.is_(False))).all()
            if db.dialect == "postgresql":
                conn.exec_driver_sql("ANALYZE")  # the generator only analyses SQLite
                conn.commit()
    finally:
        db.dispose()
    candidates = [r.id for r in rows if r.status == "candidate"]
    rng = random.Random(11)
    # A small pool of facts under review, so concurrent editors sometimes collide (409).
    review_ids = rng.sample(candidates, min(400, len(candidates)))
    under_review = set(review_ids)
    return Targets(fact_ids=[r.id for r in rows],
                   statistic_ids=[r.id for r in rows if r.type == "statistic" and r.id in under_review],
                   review_ids=review_ids,
                   countries=sorted({r.country for r in rows if r.country}),
                   words=words, versions={r.id: r.version for r in rows})


# ---------------------------------------------------------------- the server

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(url: str, data_dir: Path, workers: int, log: Path) -> tuple[subprocess.Popen[bytes], int]:
    """uvicorn calls the zero-argument ``create_app()``, which reads HABEAS_* settings from the env."""
    port = free_port()
    env = {**os.environ, "HABEAS_DATABASE_URL": url, "HABEAS_DATA_DIR": str(data_dir),
           "PYTHONPATH": str(REPO / "src")}
    uvicorn = str(Path(sys.executable).with_name("uvicorn"))
    cmd = [uvicorn, "--factory", "habeas.web.app:create_app", "--workers", str(workers),
           "--host", HOST, "--port", str(port), "--no-access-log", "--log-level", "warning",
           # Under full CPU the default 5 s healthcheck kills busy workers mid-request (ReadError).
           "--timeout-worker-healthcheck", "60",
           # Keep idle connections longer than a slow response: else the server may close a
           # kept-alive connection just as a client reuses it (a ReadError that is no app error).
           "--timeout-keep-alive", "75"]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True, cwd=str(data_dir.parent))
    return proc, port


def wait_ready(proc: subprocess.Popen[bytes], port: int, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(base_url=f"http://{HOST}:{port}", timeout=5) as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if client.get("/api/v1/countries").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.3)
    raise RuntimeError(f"uvicorn did not answer within {timeout} s:\n{log.read_text()[-3000:]}")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Terminate the process group we started (the uvicorn supervisor and its workers)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    except ProcessLookupError:
        pass


# ---------------------------------------------------------------- the load

class User:
    """One virtual user: picks a kind of request by weight, sends it, records the outcome."""

    def __init__(self, client: httpx.AsyncClient, targets: Targets, stats: Stats, seed: int) -> None:
        self.client, self.t, self.stats = client, targets, stats
        self.rng = random.Random(seed)

    async def timed(self, kind: str, method: str, path: str, *, params: dict[str, Any] | None = None,
                    json: Any = None, allow_conflict: bool = False) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            response = await self.client.request(method, path, params=params, json=json)
        except httpx.HTTPError as exc:
            self.stats.record(kind, (time.perf_counter() - started) * 1000)
            self.stats.error(kind, f"{method} {path}: {type(exc).__name__} {exc}")
            return None
        self.stats.record(kind, (time.perf_counter() - started) * 1000)
        if response.status_code == 409 and allow_conflict:
            self.stats.conflicts += 1
        elif response.status_code >= 400:
            self.stats.error(kind, f"{method} {path} {params or ''} -> {response.status_code} "
                                   f"{response.text[:200]}")
        return response

    async def search(self) -> None:
        q = " ".join(self.rng.sample(self.t.words, self.rng.choice((1, 1, 2))))
        params: dict[str, Any] = {"q": q}
        if self.rng.random() < 0.3:
            params["country"] = self.rng.choice(self.t.countries)
        if self.rng.random() < 0.2:
            params["page"] = self.rng.randint(2, 5)
        await self.timed("search", "GET", "/api/v1/search", params=params)

    async def facts(self) -> None:
        params: dict[str, Any] = {"limit": self.rng.choice((20, 50, 100)),
                                  "offset": self.rng.choice((0, 0, 0, 50, 200, self.rng.randint(0, 5000)))}
        if self.rng.random() < 0.5:
            params["country"] = self.rng.choice(self.t.countries)
        if self.rng.random() < 0.5:
            params["type"] = self.rng.choice(("statistic", "treaty", "event", "law", "facility"))
        if self.rng.random() < 0.4:
            params["status"] = self.rng.choice(("candidate", "accepted", "rejected"))
        if self.rng.random() < 0.3:
            params["sort"], params["desc"] = self.rng.choice(("date", "confidence", "type")), "true"
        await self.timed("facts", "GET", "/api/v1/facts", params=params)

    async def profile(self) -> None:
        await self.timed("profile", "GET", f"/api/v1/countries/{self.rng.choice(self.t.countries)}/profile")

    async def fact(self) -> None:
        await self.timed("fact", "GET", f"/api/v1/facts/{self.rng.choice(self.t.fact_ids)}")

    async def review(self) -> None:
        """Act with the version this process last saw; a 409 means another user got there first."""
        roll = self.rng.random()
        if roll < 0.3 and self.t.statistic_ids:
            fact_id = self.rng.choice(self.t.statistic_ids)
            body: Any = {"version": self.t.versions[fact_id], "fields": {"value": self.rng.randint(1, 9000)},
                         "reason": "load test correction"}
            response = await self.timed("review", "PATCH", f"/api/v1/facts/{fact_id}", json=body,
                                        allow_conflict=True)
        else:
            fact_id = self.rng.choice(self.t.review_ids)
            action = "accept" if roll < 0.65 else "reject"
            body = {"version": self.t.versions[fact_id], "reason": "load test"}
            response = await self.timed("review", "POST", f"/api/v1/facts/{fact_id}/{action}", json=body,
                                        allow_conflict=True)
        if response is None:
            return
        if response.status_code == 200:
            self.t.versions[fact_id] = int(response.json()["version"])
        elif response.status_code == 409:  # reload, as an editor would
            fresh = await self.timed("fact", "GET", f"/api/v1/facts/{fact_id}")
            if fresh is not None and fresh.status_code == 200:
                self.t.versions[fact_id] = int(fresh.json()["fact"]["version"])

    async def run(self, until: float) -> None:
        actions = {"search": self.search, "facts": self.facts, "profile": self.profile,
                   "fact": self.fact, "review": self.review}
        weights = [KIND_WEIGHTS[k] for k in KINDS]
        while time.monotonic() < until:
            await actions[self.rng.choices(KINDS, weights)[0]]()


async def run_load(port: int, targets: Targets, clients: int, seconds: float) -> tuple[Stats, float]:
    stats = Stats()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=f"http://{HOST}:{port}", timeout=30, limits=limits) as client:
        # Warm every worker's lazy Services (and its migration check) outside the measured window.
        warm = User(client, targets, Stats(), seed=0)
        await asyncio.gather(*(warm.profile() for _ in range(clients)))
        started = time.monotonic()
        until = started + seconds
        users = [User(client, targets, stats, seed=i + 1) for i in range(clients)]
        await asyncio.gather(*(u.run(until) for u in users))
        elapsed = time.monotonic() - started
    return stats, elapsed


# ---------------------------------------------------------------- databases

def create_pg_database() -> str:
    import psycopg

    name = f"habeas_load_{os.getpid()}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_pg_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bench_one(label: str, args: argparse.Namespace, generator: ModuleType) -> Result:
    workdir = Path(tempfile.mkdtemp(prefix=f"habeas-load-{label}-"))
    pg_name = None
    proc = None
    try:
        if label == "postgresql":
            pg_name = create_pg_database()
            url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{pg_name}"
        else:
            url = f"sqlite:///{workdir / 'load.db'}"
        print(f"-- {label}: building library", flush=True)
        generator.build_library(url, args.documents, args.facts)
        words = generator.search_words() if hasattr(generator, "search_words") else list(generator.WORDS)
        targets = load_targets(url, words)
        log = workdir / "uvicorn.log"
        proc, port = start_server(url, workdir / "data", args.workers, log)
        wait_ready(proc, port, log)
        print(f"-- {label}: uvicorn with {args.workers} workers on {HOST}:{port}; "
              f"{args.clients} clients for {args.seconds} s", flush=True)
        stats, elapsed = asyncio.run(run_load(port, targets, args.clients, args.seconds))
        if proc.poll() is not None:
            stats.error("server", f"uvicorn exited with {proc.returncode} during the run")
        if stats.total_errors:
            stats.error_samples.append("uvicorn log tail: " + log.read_text(errors="replace")[-1500:])
        return Result(label, elapsed, stats)
    finally:
        if proc is not None:
            stop_server(proc)
        if pg_name is not None:
            drop_pg_database(pg_name)
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--facts", type=int, default=20000)
    parser.add_argument("--only", choices=("postgresql", "sqlite"), default=None)
    parser.add_argument("--generator", choices=("library_gen", "web"), default="library_gen",
                        help="library_gen: realistic word statistics; web: the 26-word worst case")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    generator = _generator(args.generator)
    results = [bench_one(label, args, generator)
               for label in ("postgresql", "sqlite") if args.only in (None, label)]
    print()
    for result in results:
        print(result.table())
        print()
    by_name = {r.name: r for r in results}
    if len(by_name) == 2:
        pg, lite = by_name["postgresql"], by_name["sqlite"]
        ratio = pg.throughput / lite.throughput if lite.throughput else float("inf")
        print(f"PostgreSQL vs SQLite: {pg.throughput:.1f} vs {lite.throughput:.1f} req/s "
              f"= {ratio:.2f}x throughput; p95 {pg.p95():.1f} vs {lite.p95():.1f} ms")
    errors = sum(r.stats.total_errors for r in results)
    print(f"errors: {errors}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
