#!/usr/bin/env python3
"""Load client for `kenshu serve --collect` (stdlib only: asyncio + raw HTTP/1.1 keep-alive).

Posts N survey responses over C concurrent connections to a loopback server, records the id
of every 201, and writes them (one per line) to --ids. Prints throughput and latency
percentiles as JSON on stdout. Every submission carries its own `Idempotency-Key` (a UUID).
Without --retry-seconds, connection failures (e.g. the server was killed) end that client and
are counted, never retried. With --retry-seconds S, a client whose connection fails (or that
gets 409/429/503) reconnects and resends the same body with the same key for up to S seconds,
as the site's outbox does; a 201 marked `Idempotent-Replayed` counts as `replayed`. Either
way every recorded id was acknowledged once per submission.
Bounded: at most N requests and --deadline seconds; loopback addresses only.
"""
import argparse, asyncio, json, time, uuid

RETRY_STATUSES = (409, 429, 503)

PAYLOAD_TEMPLATE = {
    "profession": "看護師",
    "provider-type": "訪問看護ステーション",
    "bcp-status": "作成中",
    "satisfaction": 4,
    "then-now-own.before": 2,
    "then-now-own.now": 4,
    "obstacles": ["作成・見直しの時間がとれない", "訓練の方法がわからない"],
}


async def exchange(reader, writer, host, port, path, key, body):
    """One request on an open connection: (status, headers, body)."""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        + (f'Idempotency-Key: "{key}"\r\n' if key else "")
        + f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    writer.write(head + body)
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status = int(status_line.split()[1])
    headers = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    data = await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers, data


async def client(host, port, path, next_index, total, ids, latencies, counts, deadline, retry_seconds, keys):
    connection = None
    try:
        while time.monotonic() < deadline:
            i = next_index[0]
            if i >= total:
                return
            next_index[0] += 1
            answers = dict(PAYLOAD_TEMPLATE)
            answers["satisfaction"] = i % 5 + 1
            answers["comments"] = f"load #{i} '); DROP TABLE responses; -- <script>x</script>"
            body = json.dumps({"participant": f"L{i:06d}", "answers": answers}, ensure_ascii=False).encode()
            key = str(uuid.uuid4()) if keys else None
            started = time.monotonic()
            give_up = started + retry_seconds
            while True:
                try:
                    if connection is None:
                        connection = await asyncio.open_connection(host, port)
                    status, headers, data = await exchange(*connection, host, port, path, key, body)
                except (ConnectionError, asyncio.IncompleteReadError, OSError, ValueError):
                    if connection is not None:
                        connection[1].close()
                        connection = None
                    counts["connection-lost"] = counts.get("connection-lost", 0) + 1
                    if time.monotonic() >= min(give_up, deadline):
                        return
                    counts["retries"] = counts.get("retries", 0) + 1
                    await asyncio.sleep(0.1)
                    continue
                if status in RETRY_STATUSES and time.monotonic() < min(give_up, deadline):
                    counts["retries"] = counts.get("retries", 0) + 1
                    await asyncio.sleep(0.1)
                    continue
                break
            latencies.append(time.monotonic() - started)
            if status == 201:
                ids.append(json.loads(data)["id"])
                if headers.get("idempotent-replayed") == "true":
                    counts["replayed"] = counts.get("replayed", 0) + 1
            else:
                counts[str(status)] = counts.get(str(status), 0) + 1
    finally:
        if connection is not None:
            connection[1].close()


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--survey", default="bcp-workshop-eval")
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--deadline", type=float, default=600)
    parser.add_argument("--ids", required=True)
    parser.add_argument("--retry-seconds", type=float, default=0,
                        help="resend a failed submission (same key and body) for this long")
    parser.add_argument("--no-idempotency-key", action="store_true", help="send no Idempotency-Key")
    args = parser.parse_args()
    if not (args.host.startswith("127.") or args.host in ("localhost", "::1")):
        raise SystemExit("loopback only")
    ids, latencies, counts, next_index = [], [], {}, [0]
    path = f"/api/surveys/{args.survey}/responses"
    started = time.monotonic()
    deadline = started + args.deadline
    await asyncio.gather(*[
        client(args.host, args.port, path, next_index, args.requests, ids, latencies, counts, deadline,
               args.retry_seconds, not args.no_idempotency_key)
        for _ in range(args.concurrency)
    ])
    elapsed = time.monotonic() - started
    with open(args.ids, "w") as out:
        out.write("".join(f"{i}\n" for i in ids))
    print(json.dumps({
        "sent": next_index[0], "acknowledged201": len(ids),
        "retries": counts.pop("retries", 0), "replayed": counts.pop("replayed", 0), "errors": counts,
        "seconds": round(elapsed, 2), "throughputPerSecond": round(len(ids) / elapsed, 1) if elapsed else None,
        "p50ms": round(percentile(latencies, 50) * 1000, 2) if latencies else None,
        "p99ms": round(percentile(latencies, 99) * 1000, 2) if latencies else None,
        "maxms": round(max(latencies) * 1000, 2) if latencies else None,
    }))


asyncio.run(main())
