#!/usr/bin/env python3
"""Load client for `kenshu serve --collect` (stdlib only: asyncio + raw HTTP/1.1 keep-alive).

Posts N survey responses over C concurrent connections to a loopback server, records the id
of every 201, and writes them (one per line) to --ids. Prints throughput and latency
percentiles as JSON on stdout. Connection failures (e.g. the server was killed) end that
client; they are counted, never retried, so every recorded id was acknowledged once.
Bounded: at most N requests and --deadline seconds; loopback addresses only.
"""
import argparse, asyncio, json, time

PAYLOAD_TEMPLATE = {
    "profession": "看護師",
    "provider-type": "訪問看護ステーション",
    "bcp-status": "作成中",
    "satisfaction": 4,
    "then-now-own.before": 2,
    "then-now-own.now": 4,
    "obstacles": ["作成・見直しの時間がとれない", "訓練の方法がわからない"],
}


async def client(host, port, path, next_index, total, ids, latencies, errors, deadline):
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError:
        errors["connect"] = errors.get("connect", 0) + 1
        return
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
            head = (
                f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            ).encode()
            started = time.monotonic()
            writer.write(head + body)
            await writer.drain()
            status_line = await reader.readline()
            if not status_line:
                raise ConnectionError("closed")
            status = int(status_line.split()[1])
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            data = await reader.readexactly(length)
            latencies.append(time.monotonic() - started)
            if status == 201:
                ids.append(json.loads(data)["id"])
            else:
                errors[str(status)] = errors.get(str(status), 0) + 1
    except (ConnectionError, asyncio.IncompleteReadError, OSError, ValueError):
        errors["connection-lost"] = errors.get("connection-lost", 0) + 1
    finally:
        writer.close()


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
    args = parser.parse_args()
    if not (args.host.startswith("127.") or args.host in ("localhost", "::1")):
        raise SystemExit("loopback only")
    ids, latencies, errors, next_index = [], [], {}, [0]
    path = f"/api/surveys/{args.survey}/responses"
    started = time.monotonic()
    deadline = started + args.deadline
    await asyncio.gather(*[
        client(args.host, args.port, path, next_index, args.requests, ids, latencies, errors, deadline)
        for _ in range(args.concurrency)
    ])
    elapsed = time.monotonic() - started
    with open(args.ids, "w") as out:
        out.write("".join(f"{i}\n" for i in ids))
    print(json.dumps({
        "sent": next_index[0], "acknowledged201": len(ids), "errors": errors,
        "seconds": round(elapsed, 2), "throughputPerSecond": round(len(ids) / elapsed, 1) if elapsed else None,
        "p50ms": round(percentile(latencies, 50) * 1000, 2) if latencies else None,
        "p99ms": round(percentile(latencies, 99) * 1000, 2) if latencies else None,
        "maxms": round(max(latencies) * 1000, 2) if latencies else None,
    }))


asyncio.run(main())
