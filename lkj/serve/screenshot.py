"""A screenshot of the review page (`lkj serve DIR --screenshot PNG`): the server started on a free
loopback port, the page opened in headless Chromium on an anomaly of a PDF (the page drawn with the
cell's box), the picture written, the server stopped."""
from __future__ import annotations

import os


def pick_item(url: str) -> str | None:
    """The id of a queue item worth showing: an anomaly on a row of a PDF source, else the first item."""
    import json
    from urllib.parse import quote
    from urllib.request import urlopen

    def get(path: str) -> dict:
        with urlopen(url + path, timeout=60) as res:
            return json.load(res)

    items = get("/api/queue?kind=anomaly&limit=1000")["items"]
    for it in items:
        if it.get("row_id") and it.get("page") and it.get("field"):
            d = get(f"/api/rows/{quote(it['row_id'])}/detail?field={quote(it['field'])}")
            if d["source"]["kind"] == "pdf" and any(b["focus"] for b in d["source"]["boxes"]):
                return it["id"]
    return items[0]["id"] if items else None


def screenshot(app, png: str, token: str) -> str:
    from urllib.parse import quote

    from .browser import ServerThread, browser

    os.makedirs(os.path.dirname(os.path.abspath(png)), exist_ok=True)
    with ServerThread(app) as srv, browser() as ctx:
        item = pick_item(srv.url)
        page = ctx.new_page()
        page.goto(f"{srv.url}/?token={token}" + (f"#{quote(item)}" if item else ""))
        page.wait_for_selector("#queue li.sel", timeout=20_000)
        if page.query_selector("#page-img"):
            page.wait_for_function("document.querySelector('#page-img').complete", timeout=20_000)
        page.fill("#who", "reviewer")
        page.screenshot(path=png)
    return png
