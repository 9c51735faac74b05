#!/usr/bin/env python3
"""Derives Dashboard/Cockpit/Map/districts.json from ../shared/data/guangzhou-districts (MIT, notice kept beside
the output): each district's outline simplified (Douglas-Peucker) and projected to the map's SVG coordinates, so
the server draws the map without any geometry work. Run again only if the boundaries change:
    python3 tools/simplify-districts.py ../shared/data/guangzhou-districts/guangzhou-districts.geojson Dashboard/Cockpit/Map/districts.json
"""
import json, math, sys

TOLERANCE = 0.0025  # degrees, about 250 m: invisible at the map's size, a twentieth of the points
WIDTH = 600.0
# Labels that would sit on top of each other in the old town: 荔湾, 越秀 and 海珠 are labelled outside with a
# leader line, the four old-town districts show their name only (the value is in the link's label and the
# table), and 白云, 黄埔, 天河 and 花都 have their labels moved to where they have room. In map coordinates.
CALLOUTS = {"440103": (108, 468), "440104": (108, 505), "440105": (148, 562)}
LABELS = {"440111": (170, 395), "440112": (306, 448), "440106": (212, 440), "440114": (115, 280)}
COMPACT = {"440103", "440104", "440105", "440106"}

def simplify(points, tol):
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = math.hypot(dx, dy)
    best, index = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm if norm else math.hypot(px - x1, py - y1)
        if d > best:
            best, index = d, i
    if best <= tol:
        return [points[0], points[-1]]
    return simplify(points[: index + 1], tol)[:-1] + simplify(points[index:], tol)

def main(source, target):
    features = json.load(open(source, encoding="utf-8"))["features"]
    rings = {f["id"]: f["geometry"]["coordinates"][0] for f in features}
    lons = [p[0] for r in rings.values() for p in r]
    lats = [p[1] for r in rings.values() for p in r]
    k = math.cos(math.radians((min(lats) + max(lats)) / 2))
    scale = WIDTH / ((max(lons) - min(lons)) * k)
    project = lambda lon, lat: (round((lon - min(lons)) * k * scale, 1), round((max(lats) - lat) * scale, 1))
    out = {"width": WIDTH, "height": round((max(lats) - min(lats)) * scale, 1), "districts": []}
    for f in features:
        ring = rings[f["id"]]
        # The ring is closed; split it in two so the first and last points of each half are distinct.
        half = len(ring) // 2
        kept = simplify(ring[: half + 1], TOLERANCE)[:-1] + simplify(ring[half:], TOLERANCE)
        pts = [project(*p) for p in kept]
        path = "M" + " L".join(f"{x:g},{y:g}" for x, y in pts) + " Z"
        anchor = project(*f["properties"]["cp"])
        label = CALLOUTS.get(f["id"]) or LABELS.get(f["id"]) or anchor
        district = {"code": f["id"], "name": f["properties"]["name"], "path": path, "label": label}
        if f["id"] in CALLOUTS:
            district["anchor"] = anchor
        if f["id"] in COMPACT:
            district["compact"] = True
        out["districts"].append(district)
    json.dump(out, open(target, "w", encoding="utf-8"), ensure_ascii=False, indent=0)
    print(f"{sum(len(r) for r in rings.values())} points -> {sum(d['path'].count('L') + 1 for d in out['districts'])}")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
