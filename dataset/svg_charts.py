"""The run report's charts as SVG text: horizontal bars, a histogram, lines across periods.

Written by hand: drawing these three charts with matplotlib cost seconds per run (importing pyplot
alone over a second, the SVG backend about half a second a chart), which is most of a small run's
time; these are a few rectangles, lines and labels, written directly.  The SVG holds no script and
no web font (the page renders offline, prints and survives being mailed).
"""
from __future__ import annotations

import html
import math

WIDTH = 720                      # px of the drawing (the page scales it down to its column)
FONT = "font-family='DejaVu Sans, sans-serif' font-size='11'"
BLUE = "#2271b1"
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf")


def _e(s) -> str:
    return html.escape(str(s), quote=True)


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _ticks(top: float, n: int = 5, whole: bool = False) -> list[float]:
    """Round tick values from 0 to at least top (whole numbers only for counts)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= raw)
    if whole:
        step = max(1, math.ceil(step))
    return [i * step for i in range(int(math.ceil(top / step)) + 1)]


def _svg(w: float, h: float, body: list[str]) -> str:
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{w:.0f}' height='{h:.0f}' "
            f"viewBox='0 0 {w:.0f} {h:.0f}' {FONT}>" + "".join(body) + "</svg>")


def _y_grid(body: list[str], yt: list[float], left: float, top: float, plot_w: float, plot_h: float,
            sy: float) -> None:
    """Horizontal grid lines with their tick marks and labels at the y ticks."""
    for t in yt:
        y = top + plot_h - t * sy
        body.append(f"<path d='M{left},{y:.1f}H{left + plot_w}' stroke='#dcdcde'/>"
                    f"<path d='M{left},{y:.1f}h-4' stroke='#1d2327'/>")
        body.append(f"<text x='{left - 6}' y='{y + 4:.1f}' text-anchor='end'>{_num(t)}</text>")


def bar_chart(counts: list[tuple[str, int]], xlabel: str) -> str:
    """One bar per label (the first at the top), its count written at its end."""
    bar, gap = 16, 6
    label_w = min(300, 20 + 6.5 * max((len(str(k)) for k, _ in counts), default=4))
    left, right, top = label_w, 50, 10
    plot_w = WIDTH - left - right
    ticks = _ticks(max((n for _, n in counts), default=1), whole=True)
    scale = plot_w / ticks[-1]
    plot_h = max(80, len(counts) * (bar + gap) + gap)      # a chart of one or two bars still reads as one
    h = top + plot_h + 44
    body = []
    for t in ticks:
        x = left + t * scale
        body.append(f"<path d='M{x:.1f},{top}V{top + plot_h}' stroke='#dcdcde'/>"
                    f"<path d='M{x:.1f},{top + plot_h}v4' stroke='#1d2327'/>")
        body.append(f"<text x='{x:.1f}' y='{top + plot_h + 14}' text-anchor='middle'>{_num(t)}</text>")
    for i, (label, n) in enumerate(counts):
        y = top + gap + i * (bar + gap)
        body.append(f"<rect x='{left}' y='{y}' width='{n * scale:.1f}' height='{bar}' fill='{BLUE}'>"
                    f"<title>{_e(label)}: {n}</title></rect>")
        body.append(f"<text x='{left - 6}' y='{y + bar - 4}' text-anchor='end'>{_e(label)}</text>")
        body.append(f"<text x='{left + n * scale + 4:.1f}' y='{y + bar - 4}' font-size='10'>{n}</text>")
    body.append(f"<path d='M{left},{top}V{top + plot_h}H{left + plot_w}' fill='none' stroke='#1d2327'/>")
    body.append(f"<text x='{left + plot_w / 2:.1f}' y='{h - 8}' text-anchor='middle'>{_e(xlabel)}</text>")
    return _svg(WIDTH, h, body)


def histogram(values: list[float], edges: list[float], xlabel: str, ylabel: str) -> str:
    """Counts of the values in the bins between consecutive edges (the last bin holds its right edge)."""
    counts = [0] * (len(edges) - 1)
    for v in values:
        for k in range(len(counts)):
            if edges[k] <= v < edges[k + 1] or (k == len(counts) - 1 and v == edges[-1]):
                counts[k] += 1
                break
    left, right, top, plot_h = 50, 20, 10, 180
    plot_w = WIDTH - left - right
    lo, hi = edges[0], edges[-1]
    sx = plot_w / (hi - lo)
    yt = _ticks(max(counts, default=1), whole=True)
    sy = plot_h / yt[-1]
    body = []
    _y_grid(body, yt, left, top, plot_w, plot_h, sy)
    for k, n in enumerate(counts):
        x0, x1 = left + (edges[k] - lo) * sx, left + (edges[k + 1] - lo) * sx
        body.append(f"<rect x='{x0:.1f}' y='{top + plot_h - n * sy:.1f}' width='{x1 - x0:.1f}' height='{n * sy:.1f}' "
                    f"fill='{BLUE}' stroke='white'><title>{_num(edges[k])}-{_num(edges[k + 1])}: {n}</title></rect>")
    for t in _ticks(hi - lo):
        x = left + t * sx
        body.append(f"<text x='{x:.1f}' y='{top + plot_h + 14}' text-anchor='middle'>{_num(lo + t)}</text>")
    body.append(f"<path d='M{left},{top}V{top + plot_h}H{left + plot_w}' fill='none' stroke='#1d2327'/>")
    h = top + plot_h + 44
    body.append(f"<text x='{left + plot_w / 2:.1f}' y='{h - 8}' text-anchor='middle'>{_e(xlabel)}</text>")
    body.append(f"<text transform='translate(12,{top + plot_h / 2:.1f}) rotate(-90)' text-anchor='middle'>"
                f"{_e(ylabel)}</text>")
    return _svg(WIDTH, h, body)


def line_chart(series: dict[str, list[tuple[str, float]]], ylabel: str) -> str:
    """One line with markers per series over the periods (sorted), a legend at the right."""
    periods = sorted({p for pts in series.values() for p, _v in pts})
    x_of = {p: i for i, p in enumerate(periods)}
    legend_w = 190
    left, right, top, plot_h = 56, legend_w + 10, 10, 240
    plot_w = WIDTH - left - right
    vals = [v for pts in series.values() for _p, v in pts]
    yt = _ticks(max(vals, default=1))
    sy = plot_h / yt[-1]
    sx = plot_w / max(1, len(periods) - 1)
    pad = 0 if len(periods) > 1 else plot_w / 2
    body = []
    _y_grid(body, yt, left, top, plot_w, plot_h, sy)
    slant = len(periods) > 6 or sx < 60            # labels that would overlap are written slanted
    for p, i in x_of.items():
        x, y = left + pad + i * sx, top + plot_h + 14
        if slant:
            body.append(f"<text transform='translate({x:.1f},{y}) rotate(-40)' text-anchor='end'>{_e(p)}</text>")
        else:
            body.append(f"<text x='{x:.1f}' y='{y}' text-anchor='middle'>{_e(p)}</text>")
    for k, (name, pts) in enumerate(series.items()):
        c = COLOURS[k % len(COLOURS)]
        xy = [(left + pad + x_of[p] * sx, top + plot_h - v * sy) for p, v in sorted(pts)]
        d = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy)
        body.append(f"<path d='{d}' fill='none' stroke='{c}' stroke-width='1.5'><title>{_e(name)}</title></path>")
        body += [f"<circle cx='{x:.1f}' cy='{y:.1f}' r='3' fill='{c}'/>" for x, y in xy]
        ly = top + 12 + k * 16
        lx = WIDTH - legend_w
        body.append(f"<path d='M{lx},{ly - 4}h16' stroke='{c}' stroke-width='1.5'/>"
                    f"<text x='{lx + 22}' y='{ly}' font-size='10'>{_e(name)}</text>")
    body.append(f"<path d='M{left},{top}V{top + plot_h}H{left + plot_w}' fill='none' stroke='#1d2327'/>")
    h = top + plot_h + (80 if slant else 30)
    body.append(f"<text transform='translate(12,{top + plot_h / 2:.1f}) rotate(-90)' text-anchor='middle'>"
                f"{_e(ylabel)}</text>")
    return _svg(WIDTH, h, body)
