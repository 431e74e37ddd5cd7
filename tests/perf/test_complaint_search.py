"""Benchmark: complaint search over 1,000,000 work orders on SQLite and PostgreSQL — the p95
of one filtered list page (issue 16), with its total, as ``complaints.list`` runs it.

Run: ``.venv/bin/pytest tests/perf/test_complaint_search.py -m perf -s -p no:cacheprovider``
(``COMPLAINT_BENCH_ROWS`` to change the size). Prints load time, per-filter p50 / p95 and the
overall p95; asserts only that each page is right, never a time.
"""

from __future__ import annotations

import importlib
import os
import random
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, text

from models.persistence.complaints import OrderQuery, WorkOrderRepository
from models.persistence.database import Database, open_database
from models.persistence.schema import WorkOrderRow

_MIGRATION = importlib.import_module(
    "models.persistence.migrations.versions.0005_complaint_lifecycle")
SQLITE_SEARCH, POSTGRES_SEARCH = _MIGRATION.SQLITE_SEARCH, _MIGRATION.POSTGRES_SEARCH

pytestmark = [pytest.mark.perf, pytest.mark.timeout(3600)]
ROWS = int(os.environ.get("COMPLAINT_BENCH_ROWS", "1000000"))
CHUNK = 20_000
RUNS = 20
T0 = 1_764_000_000.0  # a year of orders up to here
NOW = T0 + 365 * 86400
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
TOPS = ["话费查询/扣费异常", "话费查询/话费争议", "业务办理/宽带/装机", "业务办理/宽带/移机",
        "业务办理/套餐变更", "故障报修/宽带故障", "故障报修/电话故障", "故障报修/停电",
        "服务质量/服务态度", "服务质量/久叫不应", "其他"]
STATES = ["archived"] * 90 + ["accepted", "dispatched", "dispatched", "returned", "replied",
                              "feedback", "reprocessing", "dispatched", "accepted", "replied"]
DEPARTMENTS = ["计费中心", "网络维护部", "装维中心", "营业厅", "客服部", "市场部"]
DISTRICTS = ["西湖区", "上城区", "拱墅区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区",
             "富阳区", "临安区", "桐庐县", "淳安县", "建德市"]
STREETS = ["文三路", "学院路", "江南大道", "解放路", "延安路", "莫干山路", "天目山路", "秋涛路"]
PROBLEMS = ["无法上网", "多扣费", "装机未上门", "服务态度差", "通话断线", "网速慢", "信号差",
            "重复收费", "充值未到账", "无人接听", "维修超时", "套餐未生效"]


def _rows(n: int, seed: int = 16) -> Iterator[list[dict[str, Any]]]:
    rng = random.Random(seed)
    chunk: list[dict[str, Any]] = []
    for i in range(n):
        created = T0 + i * (365 * 86400 / n)
        state = rng.choice(STATES)
        text_ = (f"{rng.choice(DISTRICTS)}{rng.choice(STREETS)}{rng.randrange(1, 400)}号 客户反映"
                 f"{rng.choice(PROBLEMS)},{rng.choice(PROBLEMS)},要求尽快处理")
        limit = rng.choice((86400.0, 5 * 86400.0, 7 * 86400.0))
        day = time.strftime("%Y%m%d", time.gmtime(created))
        chunk.append({
            "number": f"TS{day}-{i:07d}", "caller": f"138{rng.randrange(10**8):08d}",
            "category": rng.choice(TOPS), "content": text_, "state": state,
            "customer_level": "vip" if rng.random() < 0.1 else "normal", "channel": "hotline",
            "department": rng.choice(DEPARTMENTS) if state == "dispatched" else "质检台",
            "responsibility_cause": "", "responsible_department": "", "region": "0571",
            "call_id": None, "created_at": created, "due_at": created + limit,
            "updated_at": created, "created_by": f"agent{rng.randrange(300)}",
            "warn_yellow_at": created + limit * 0.5, "warn_orange_at": created + limit * 0.75,
            "warn_red_at": created + limit * 0.9, "search_text": text_,
        })
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _load(db: Database, n: int) -> float:
    """Bulk load: the search index is built once at the end (as a site's import would), not
    kept row by row — the FTS5 insert trigger / the GIN index come back afterwards."""
    start = time.perf_counter()
    sqlite = db.dialect == "sqlite"
    with db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER work_order_search_ai" if sqlite
                          else "DROP INDEX ix_work_orders_search_trgm"))
    stmt = insert(WorkOrderRow)
    for chunk in _rows(n):
        with db.begin() as s:
            s.execute(stmt, chunk)
    with db.engine.begin() as conn:
        if sqlite:
            conn.execute(text(SQLITE_SEARCH[1]))  # the insert trigger
            conn.execute(text(SQLITE_SEARCH[-1]))  # rebuild the FTS5 index
        else:
            conn.execute(text(POSTGRES_SEARCH[1]))
        conn.execute(text("ANALYZE"))
    return time.perf_counter() - start


@pytest.fixture(params=BACKENDS)
def loaded(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Database, float]]:
    url = (f"sqlite:///{tmp_path / 'bench.sqlite3'}" if request.param == "sqlite"
           else str(request.getfixturevalue("postgres_url")))
    db = open_database(url)
    db.migrate()
    seconds = _load(db, ROWS)
    yield db, seconds
    db.close()


def _queries(rng: random.Random) -> dict[str, Callable[[], OrderQuery]]:
    def day() -> float:
        return T0 + rng.randrange(360) * 86400.0

    return {
        "state+classification": lambda: OrderQuery(state=rng.choice(["dispatched", "accepted"]),
                                                   classification=rng.choice(TOPS).split("/")[0]),
        "text (common, ~15 %)": lambda: OrderQuery(text=rng.choice(PROBLEMS)),
        "text (rare address)": lambda: OrderQuery(
            text=f"{rng.choice(STREETS)}{rng.randrange(1, 400)}号"),
        "text+classification": lambda: OrderQuery(text=rng.choice(PROBLEMS),
                                                  classification=rng.choice(TOPS)),
        "warning=black": lambda: OrderQuery(warning="black"),
        "holder department": lambda: OrderQuery(department=rng.choice(DEPARTMENTS),
                                                state="dispatched"),
        "one day": lambda: (lambda d: OrderQuery(since=d, until=d + 86400))(day()),
        "mine (taken by me), by due": lambda: OrderQuery(
            created_by=f"agent{rng.randrange(300)}", sort="due"),
    }


def test_filtered_list_page_p95(loaded: tuple[Database, float]) -> None:
    db, load_s = loaded
    repo = WorkOrderRepository(db)
    rng = random.Random(1)
    repo.search(OrderQuery(text="网速慢"), NOW)  # warm the cache once
    every: list[float] = []
    lines = []
    for name, make in _queries(rng).items():
        times = []
        for _ in range(RUNS):
            q = make()
            start = time.perf_counter()
            total, rows = repo.search(q, NOW)
            times.append(time.perf_counter() - start)
            assert len(rows) == min(total, q.limit)
            if q.text:
                assert all(q.text in r.description for r in rows)
        every += times
        times.sort()
        lines.append(f"  {name:<30} p50 {statistics.median(times) * 1000:7.1f} ms   "
                     f"p95 {times[int(0.95 * (len(times) - 1))] * 1000:7.1f} ms   "
                     f"(last total {total})")
    every.sort()
    p95 = every[int(0.95 * (len(every) - 1))]
    print(f"\ncomplaint search on {db.dialect}: {ROWS:,} orders loaded in {load_s:.0f} s "
          f"(bulk, search index built at the end); page = 100 rows + total")
    print("\n".join(lines))
    print(f"  overall p95 of a filtered list page: {p95 * 1000:.1f} ms over {len(every)} "
          "queries")
