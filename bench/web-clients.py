#!/usr/bin/env python3
"""Web clients beside the SIP load: N browsers' live event streams (GET /parley/api/v1/chat/events), so the
generator's figures for SIP clients can be compared with and without them (issue #17: "load.py keeps its figures
for SIP clients with 100 web clients connected to the busiest rooms").

Each client is what the chat page does: one stream, BASIC credentials, the rooms it watches named by id. The
clients are spread over the rooms whose names start with --rooms-prefix, busiest first (the rooms with the most
posts when the script starts; all alike before a run, then in name order), one room each, round robin.
Standard library only, like load.py.

    python3 bench/web-clients.py --clients 100 --rooms-prefix bench --duration 600 --json-out web.json

It prints one line once every stream is open (`READY <n>`), runs until --duration passes or it gets SIGTERM or
SIGINT, then prints and writes its figures: streams opened and lost, events by type, posts received, and the lag
of a post (the client's clock at receipt minus the post's serverTime: same machine, same clock) as p50/p99/max.
A stream that ends early is counted as lost and opened again after a second, resuming where it was (after=).
"""

import argparse
import base64
import http.client
import json
import signal
import sys
import threading
import time
import urllib.parse
from datetime import datetime


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--base", default="/parley/api/v1")
    p.add_argument("--clients", type=int, default=100)
    p.add_argument("--rooms-prefix", default="bench", help="watch the rooms whose names start with this")
    p.add_argument(
        "--users",
        default="alice:secret,bob:secret,carol:secret",
        help="user:password pairs the clients sign in as, round robin (the run command's web users)",
    )
    p.add_argument("--admin", default="admin:parley-admin", help="who lists the rooms")
    p.add_argument("--duration", type=float, default=3600, help="seconds at most")
    p.add_argument("--open-timeout", type=float, default=60, help="seconds for every stream to open")
    p.add_argument("--json-out")
    return p.parse_args()


def basic(credentials):
    return "Basic " + base64.b64encode(credentials.encode()).decode()


def rooms_to_watch(args):
    """The rooms named with the prefix, busiest (highest sequence) first, then by name."""
    conn = http.client.HTTPConnection(args.host, args.port, timeout=30)
    found, page = [], 0
    while True:
        query = urllib.parse.urlencode({"name": args.rooms_prefix, "page": page, "size": 100})
        conn.request("GET", f"{args.base}/rooms?{query}", headers={"Authorization": basic(args.admin)})
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            sys.exit(f"listing rooms: HTTP {response.status} {body[:200]!r}")
        listed = json.loads(body)
        found += [r for r in listed["items"] if r["name"].startswith(args.rooms_prefix)]
        page += 1
        if page * 100 >= listed["totalItems"]:
            break
    conn.close()
    if not found:
        sys.exit(f"no room named {args.rooms_prefix}*")
    return sorted(found, key=lambda r: (-int(r.get("lastMessageSeq", 0)), r["name"]))


class Figures:
    def __init__(self):
        self.lock = threading.Lock()
        self.opened = 0
        self.lost = 0
        self.refused = 0
        self.events = {}
        self.lags_ms = []

    def event(self, kind, data, received):
        with self.lock:
            self.events[kind] = self.events.get(kind, 0) + 1
            if kind == "post":
                sent = datetime.fromisoformat(trim_nanos(json.loads(data)["serverTime"]))
                self.lags_ms.append((received - sent.timestamp()) * 1000)

    def summary(self, clients, seconds):
        with self.lock:
            lags = sorted(self.lags_ms)

        def pct(q):
            return round(lags[min(len(lags) - 1, int(q * len(lags)))], 1) if lags else None

        return {
            "clients": clients,
            "seconds": round(seconds, 1),
            "streams_opened": self.opened,
            "streams_lost": self.lost,
            "refused": self.refused,
            "events": self.events,
            "posts": len(lags),
            "posts_per_s": round(len(lags) / seconds, 1) if seconds else None,
            "lag_ms_p50": pct(0.50),
            "lag_ms_p99": pct(0.99),
            "lag_ms_max": round(lags[-1], 1) if lags else None,
        }


def trim_nanos(instant):
    """Java's Instant.toString() may carry nine decimals; fromisoformat takes six."""
    head, _, tail = instant.rstrip("Z").partition(".")
    return head + ("." + tail[:6] if tail else "") + "+00:00"


def client(args, number, room, credentials, figures, ready, stop):
    after = None
    session = None
    first = True
    while not stop.is_set():
        query = [("room", room["id"])]
        if after:
            query.append(("after", after))
        if session:
            query.append(("session", session))
        conn = http.client.HTTPConnection(args.host, args.port, timeout=60)
        try:
            conn.request(
                "GET",
                f"{args.base}/chat/events?{urllib.parse.urlencode(query)}",
                headers={"Authorization": basic(credentials), "Accept": "text/event-stream"},
            )
            response = conn.getresponse()
            if response.status != 200:
                with figures.lock:
                    figures.refused += 1
                print(f"client {number}: HTTP {response.status} {response.read()[:200]!r}", file=sys.stderr)
                stop.wait(1)
                continue
            with figures.lock:
                figures.opened += 1
            if first:
                ready.release()
                first = False
            kind, data, event_id = "message", [], None
            for raw in response:
                if stop.is_set():
                    break
                line = raw.decode("utf-8").rstrip("\r\n")
                if line == "":
                    if data:
                        payload = "\n".join(data)
                        figures.event(kind, payload, time.time())
                        if kind == "session":
                            session = json.loads(payload)["session"]
                        if event_id:
                            after = event_id
                    kind, data, event_id = "message", [], None
                elif line.startswith(":"):
                    continue
                else:
                    field, _, value = line.partition(":")
                    value = value[1:] if value.startswith(" ") else value
                    if field == "event":
                        kind = value
                    elif field == "data":
                        data.append(value)
                    elif field == "id":
                        event_id = value
            if not stop.is_set():
                with figures.lock:
                    figures.lost += 1
                stop.wait(1)
        except (OSError, http.client.HTTPException) as e:
            if not stop.is_set():
                with figures.lock:
                    figures.lost += 1
                print(f"client {number}: {e}", file=sys.stderr)
                stop.wait(1)
        finally:
            conn.close()


def main():
    args = parse_args()
    rooms = rooms_to_watch(args)
    users = args.users.split(",")
    figures, stop = Figures(), threading.Event()
    ready = threading.Semaphore(0)
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threads = []
    for n in range(args.clients):
        t = threading.Thread(
            target=client,
            args=(args, n, rooms[n % len(rooms)], users[n % len(users)], figures, ready, stop),
            daemon=True,
        )
        t.start()
        threads.append(t)
    deadline = time.monotonic() + args.open_timeout
    for _ in range(args.clients):
        if not ready.acquire(timeout=max(0.0, deadline - time.monotonic())):
            stop.set()
            sys.exit(f"not every stream opened within {args.open_timeout} s ({figures.opened} did)")
    start = time.monotonic()
    print(f"READY {args.clients} streams on {min(args.clients, len(rooms))} rooms", flush=True)
    stop.wait(args.duration)
    stop.set()
    result = figures.summary(args.clients, time.monotonic() - start)
    print(json.dumps(result), flush=True)
    if args.json_out:
        with open(args.json_out, "w") as out:
            out.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
