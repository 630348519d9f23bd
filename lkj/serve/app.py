"""`lkj serve DIR`: the review page and the JSON API over a run folder (FastAPI).

Reads (reports, rows, anomalies, failures, cells, the review queue, source pages) are open to the
machine itself and, with `open_reads`, to others; writes (corrections, verdicts, uploads) need the
token, as `Authorization: Bearer TOKEN`.  Every error is one plain sentence in `detail`.
Everything written goes into the run folder: its database and, for uploads, DIR/uploads/.
"""
from __future__ import annotations

import ipaddress
import os
import re
import secrets
import threading
from importlib import resources

from fastapi import Body, FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from lkj.model.errors import InputError
from lkj.model.names import NUMERIC_FIELDS, ROW_VALUE_FIELDS
from lkj.model.settings import Settings

from .. import corrections as corr
from ..rundb import RunDB
from .queue import build_queue
from .sources import PageCache, is_pdf, text_lines

STATIC = resources.files("lkj.serve") / "static"
SAFE_NAME = re.compile(r"^[^/\\\x00]+$")
FILTERS = {
    "reports": ("report_id", "source_file", "kecamatan", "kabupaten", "unit", "year", "quarter", "kind", "doc_kind"),
    "rows": ("report_id", "source_file", "table_kind", "level", "indikator_id", "row_id"),
    "anomalies": ("report_id", "source_file", "rule", "severity", "field", "status"),
    "failures": ("source_file", "stage"),
    "cells": ("report_id", "row_id", "field", "source_file"),
}


class State:
    """What the server holds: the run folder's database, the token, caches."""

    def __init__(self, run_dir: str, token: str | None, sources: list[str], open_reads: bool, settings: Settings):
        self.db = RunDB(run_dir, create=True)
        self.token = token
        self.sources = sources
        self.open_reads = open_reads
        self.settings = settings
        self.pages = PageCache(settings.serve.page_cache)
        self.extract_lock = threading.Lock()
        self._view = None
        self._view_key = None
        self._base = None
        self._view_lock = threading.Lock()
        self._paths: dict[str, str | None] = {}

    def view(self) -> corr.Corrected:
        """The corrected dataset, computed again when a correction or an upload changed it."""
        key = (self.db.count("corrections"), self.db.count("reports"), self.db.count("anomalies"))
        with self._view_lock:
            if key != self._view_key:
                if self._base is None or key[1:] != self._view_key[1:]:
                    self._base = corr.base_tables(self.db)     # read again only when the run changed
                self._view = corr.corrected(self.db, settings=self.settings, base=self._base)
                self._view_key = key
            return self._view

    def source(self, report: dict) -> str | None:
        sha = report["source_sha256"]
        if sha not in self._paths or self._paths[sha] is None:
            self._paths[sha] = self.db.source_path(report["source_file"], sha, self.sources)
        return self._paths[sha]


def _loopback(host: str | None) -> bool:
    if host in (None, "testclient", "localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def create_app(run_dir: str, token: str | None = None, sources: list[str] | None = None, open_reads: bool = False,
               settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    st = State(run_dir, token, list(sources or []), open_reads, settings)
    app = FastAPI(title="lkj", version=_version(),
                  description="SAKIP performance reports (LKj) extracted into data: reports, rows, anomalies, "
                              "failures; corrections and uploads with the token.")
    app.state.lkj = st

    # --- errors: one plain line each ---------------------------------------------------------------------
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ())[1:]) or "request"
        return JSONResponse({"detail": f"{where}: {first.get('msg', 'invalid')}".replace("Field required", "missing")},
                            status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path}"
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError):
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.middleware("http")
    async def _reads(request: Request, call_next):
        if request.url.path.startswith("/api/") and request.method == "GET" and not st.open_reads \
                and not _loopback(request.client.host if request.client else None) \
                and not _token_ok(st, request.headers.get("authorization"), request.query_params.get("token")):
            return JSONResponse({"detail": "reads are open to this machine only: give the token, or start "
                                           "lkj serve with --open-reads"}, status_code=401)
        return await call_next(request)

    def need_token(authorization: str | None) -> None:
        if not _token_ok(st, authorization, None):
            raise HTTPException(401, "this needs the token: send 'Authorization: Bearer TOKEN' with the token "
                                     "lkj serve printed (or was given with --token / LKJ_TOKEN)",
                                headers={"WWW-Authenticate": "Bearer"})

    # --- the page ----------------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(str(STATIC / "index.html"), media_type="text/html")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        if not SAFE_NAME.match(name) or name.startswith("."):
            raise HTTPException(404, "no such file")
        f = STATIC / name
        if not f.is_file():
            raise HTTPException(404, "no such file")
        kind = {"js": "text/javascript", "css": "text/css"}.get(name.rsplit(".", 1)[-1], "application/octet-stream")
        return Response(f.read_bytes(), media_type=kind)

    # --- reads -------------------------------------------------------------------------------------------
    def paged(table: str, request: Request, limit: int, offset: int) -> dict:
        limit = max(1, min(limit, st.settings.serve.max_page_size))
        view = st.view()
        if table in ("rows", "anomalies", "reports"):
            recs = view.tables[table]
        else:
            recs = st.db.records(table)
        for k in FILTERS[table]:
            v = request.query_params.get(k)
            if v is not None:
                recs = [r for r in recs if str(r.get(k)) == v]
        return {"total": len(recs), "limit": limit, "offset": offset, "items": recs[offset:offset + limit]}

    for _t in FILTERS:
        def _make(table: str):
            def listing(request: Request, limit: int = Query(100, ge=1), offset: int = Query(0, ge=0)):
                return paged(table, request, limit, offset)
            listing.__name__ = f"list_{table}"
            listing.__doc__ = (f"The run's {table} (corrections applied), filtered by "
                               f"{', '.join(FILTERS[table])}; paged with limit and offset.")
            return listing
        app.get(f"/api/{_t}", name=f"list_{_t}")(_make(_t))

    @app.get("/api/summary")
    def summary():
        """Counts, and the values the queue can be filtered by."""
        view = st.view()
        reps = view.tables["reports"]
        return {"run_dir": os.path.abspath(run_dir), "reports": len(reps), "rows": len(view.tables["rows"]),
                "anomalies": len(view.tables["anomalies"]), "failures": st.db.count("failures"),
                "corrections": st.db.count("corrections"), "writable": bool(st.token),
                "kecamatan": sorted({r["kecamatan"] for r in reps if r.get("kecamatan")}),
                "rules": sorted({a["rule"] for a in view.tables["anomalies"]} | {"ocr", "indikator", "sample"}),
                "report_list": [{"report_id": r["report_id"], "label": _label(r)} for r in reps]}

    @app.get("/api/queue")
    def queue(kecamatan: str | None = None, report_id: str | None = None, rule: str | None = None,
              status: str | None = None, kind: str | None = None, limit: int = Query(500, ge=1),
              offset: int = Query(0, ge=0)):
        """What needs a person: anomalies, OCR cells under the cut-off, indikator in the review band,
        rows of sampled reports."""
        view = st.view()
        reps = {r["report_id"]: r for r in view.tables["reports"]}
        items = build_queue(view, reps, st.db.records("samples"), _checked(st.db), st.settings)
        for k, v in (("kecamatan", kecamatan), ("report_id", report_id), ("rule", rule), ("kind", kind)):
            if v:
                items = [i for i in items if str(i.get(k)) == v]
        if status == "todo":
            items = [i for i in items if i["status"] == "open"]
        elif status:
            items = [i for i in items if i["status"] == status]
        limit = min(limit, st.settings.serve.max_page_size)
        return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}

    @app.get("/api/rows/{row_id}/detail")
    def row_detail(row_id: str, field: str | None = None):
        """A row with its raw and normalised values, its cells, its findings, and its source."""
        view = st.view()
        row = next((r for r in view.tables["rows"] if r["row_id"] == row_id), None)
        if row is None:
            raise HTTPException(404, f"no row {row_id} in this run")
        report = next(r for r in view.tables["reports"] if r["report_id"] == row["report_id"])
        cells = [c for c in view.tables["cells"] if c["row_id"] == row_id]
        fields = [f for f in ROW_VALUE_FIELDS if row.get(f"{f}_raw") is not None]
        fix = {c["field"]: c for c in corr.in_force(st.db) if c["what"] == "value" and c.get("row_id") == row_id}
        values = [{"field": f, "raw": row.get(f"{f}_raw"), "value": row.get(f), "numeric": f in NUMERIC_FIELDS,
                   "unit": row.get(f"{f}_unit"), "corrected": f in fix,
                   "correction": fix[f]["new"] if f in fix else None} for f in fields]
        findings = [a for a in view.tables["anomalies"] if a["report_id"] == row["report_id"]
                    and a.get("table_seq") == row["table_seq"] and a.get("row_index") == row["row_index"]]
        cleared = [a for a in view.cleared.values() if a["report_id"] == row["report_id"]
                   and a.get("table_seq") == row["table_seq"] and a.get("row_index") == row["row_index"]]
        review = next((r for r in st.db.records("review", "row_id = ?", [row_id])), None)
        return {"row": row, "report": report, "label": _label(report), "values": values, "cells": cells,
                "anomalies": findings, "cleared": cleared, "review": review,
                "source": _source(st, report, row, cells, field)}

    @app.get("/api/reports/{report_id}/anomalies")
    def report_findings(report_id: str):
        """A report's findings, report-level ones too (no row), with their statuses."""
        view = st.view()
        return {"items": [a for a in view.tables["anomalies"] if a["report_id"] == report_id],
                "cleared": [a for a in view.cleared.values() if a["report_id"] == report_id]}

    @app.get("/api/page/{sha}/{page}.png")
    def page_png(sha: str, page: int):
        """A source page rendered to PNG."""
        rep = next((r for r in st.view().tables["reports"] if r["source_sha256"] == sha), None)
        if rep is None:
            raise HTTPException(404, f"no source {sha[:16]} in this run")
        path = st.source(rep)
        if path is None or not is_pdf(path):
            raise HTTPException(404, f"the source file {rep['source_file']} is not at hand: give its folder "
                                     f"with lkj serve --sources")
        try:
            png, _w, _h = st.pages.page(path, page, st.settings.serve.page_dpi)
        except InputError as exc:
            raise HTTPException(404, str(exc))
        return Response(png, media_type="image/png", headers={"Cache-Control": "max-age=3600"})

    @app.get("/api/catalogue")
    def catalogue(q: str = "", limit: int = Query(20, ge=1, le=200)):
        """Catalogue indikator whose id or name holds q (all words)."""
        from lkj.normalizers.catalogue import catalogue as cat

        words = q.lower().split()
        hits = [{"id": e.id, "name": e.name} for e in cat()
                if all(w in f"{e.id} {e.name}".lower() for w in words)]
        return {"total": len(hits), "items": hits[:limit]}

    # --- writes (token) ----------------------------------------------------------------------------------
    @app.post("/api/corrections", status_code=201)
    def add_correction(body: dict = Body(..., examples=[{"row_id": "…-t03-r003", "field": "realisasi",
                                                          "new": "95%", "who": "ana", "note": "typo"}]),
                       authorization: str | None = Header(None)):
        """Correct a value (row_id, field, new), pick an indikator (row_id, field='indikator_id', new), judge
        an anomaly (anomaly_id, verdict: confirmed / false_alarm / open), or mark a sampled report checked
        (report_id, checked: true).  Always with who, and a note if you like."""
        need_token(authorization)
        who, note = str(body.get("who") or ""), str(body.get("note") or "")
        if body.get("anomaly_id"):
            c = corr.judge_anomaly(st.db, str(body["anomaly_id"]), str(body.get("verdict") or ""), who, note)
        elif body.get("checked") and body.get("report_id"):
            c = corr.mark_checked(st.db, str(body["report_id"]), who, note)
        elif body.get("row_id") and body.get("field") == "indikator_id":
            c = corr.pick_indikator(st.db, str(body["row_id"]), body.get("new") or None, who, note)
        elif body.get("row_id") and body.get("field"):
            c = corr.correct_value(st.db, str(body["row_id"]), str(body["field"]), str(body.get("new") or ""), who,
                                   note)
        else:
            raise HTTPException(422, "say what to correct: row_id and field with new, or anomaly_id with verdict, "
                                     "or report_id with checked")
        view = st.view()
        rid = c["report_id"]
        return {"correction": c,
                "anomalies": [a for a in view.tables["anomalies"] if a["report_id"] == rid],
                "cleared": [a for a in view.cleared.values() if a["report_id"] == rid]}

    @app.get("/api/corrections")
    def list_corrections(report_id: str | None = None):
        """Every correction made, oldest first (the audit trail)."""
        recs = st.db.records("corrections", "report_id = ?" if report_id else "", [report_id] if report_id else [],
                             order="made_at, rowid")
        return {"total": len(recs), "items": recs}

    @app.post("/api/files", status_code=201)
    async def upload(file: UploadFile = File(...), authorization: str | None = Header(None)):
        """Extract one file (PDF, DOCX or text) into the run: its reports, rows and anomalies are returned
        and kept.  Refused: no token (401), a name with folders (400), over the size limit (413), content
        that is not what its name says or no supported format (415)."""
        need_token(authorization)
        from .upload import accept_upload
        name = file.filename or ""
        data = await file.read(st.settings.serve.max_upload_bytes + 1)
        await file.close()
        return accept_upload(st, name, data)

    return app


def _checked(db: RunDB) -> set[str]:
    return {c["report_id"] for c in corr.in_force(db) if c["what"] == "checked"}


def _token_ok(st: State, authorization: str | None, query_token: str | None) -> bool:
    if not st.token:
        return False
    given = query_token
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    return bool(given) and secrets.compare_digest(given, st.token)


def _label(r: dict) -> str:
    q = f" TW{r['quarter']}" if r.get("quarter") else ""
    return f"{r.get('kecamatan') or '?'} · {r.get('unit') or '?'} · {r.get('year') or '?'}{q} · {r['source_file']}" \
           f" #{r['report_seq']}"


def _source(st: State, report: dict, row: dict, cells: list[dict], field: str | None) -> dict:
    """Where the row stands in its source: a PDF page with the cells' boxes, or the text lines with the
    cells' spans."""
    path = st.source(report)
    if path is None:
        return {"kind": "missing", "message": f"the source file {report['source_file']} is not at hand: "
                                              f"start lkj serve with --sources FOLDER"}
    if is_pdf(path):
        cell = next((c for c in cells if c["field"] == field and c.get("page")), None)
        page = (cell or {}).get("page") or row.get("page") or report.get("page_start") or 1
        from .sources import page_size
        w, h = page_size(path, int(page))
        boxes = [{"field": c["field"], "bbox": [float(v) for v in c["bbox"].split(",")], "focus": c["field"] == field}
                 for c in cells if c.get("bbox") and c.get("page") == page]
        if not boxes and row.get("bbox") and row.get("page") == page:
            boxes = [{"field": None, "bbox": [float(v) for v in row["bbox"].split(",")], "focus": True}]
        return {"kind": "pdf", "page": int(page), "width": w, "height": h,
                "image": f"/api/page/{report['source_sha256']}/{int(page)}.png", "boxes": boxes}
    try:
        lines = text_lines(path)
    except (InputError, OSError) as exc:
        return {"kind": "missing", "message": f"cannot read {report['source_file']}: {exc}"}
    at = row.get("line") or next((c["line"] for c in cells if c.get("line")), None) or report.get("line_start") or 1
    n = st.settings.serve.context_lines
    lo, hi = max(1, int(at) - n), min(len(lines), int(at) + n)
    marks = [{"field": c["field"], "line": c["line"], "start": c.get("char_start"), "end": c.get("char_end"),
              "focus": c["field"] == field} for c in cells if c.get("line")]
    return {"kind": "text", "first": lo, "lines": lines[lo - 1:hi], "row_line": int(at), "marks": marks}


def _version() -> str:
    from lkj import __version__
    return __version__
