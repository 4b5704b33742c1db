#!/usr/bin/env python3
"""The cold-start poller: waits for the first 200 on /cerulean/health over ONE keep-alive HTTPS
connection, so the start it measures pays for one TLS handshake, not one per poll.

    health-poll.py PORT CA_PEM [INTERVAL_S] [TIMEOUT_S]

Protocol with cold-start-once.sh (a bash coprocess): Python and its modules load first, then this
prints "ready"; the script takes the start time, starts the server and writes its PID here; this
prints "ok <epoch seconds of the 200> polls=N connections=M cpu_ms=C sys_ms=S minflt=F" or "fail <reason>",
where C, S and F are what the server process had used when the 200 arrived (CPU, its kernel share,
minor page faults; from /proc/PID/stat, "-" elsewhere). So neither Python's own start nor a TLS
handshake per poll competes with the server for the CPUs while it starts.
Until the port accepts, it retries the TCP connect every 5 ms; then it sends GET /cerulean/health
every INTERVAL_S (0.01) on the same connection (the server answers 503 while it starts) and opens a
new one only when the server refused or closed it.
"""
import http.client
import os
import socket
import ssl
import sys
import time


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def cost(pid):
    """CPU ms, kernel CPU ms and minor page faults of the process so far, as "cpu_ms=.. sys_ms=.. minflt=.."."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return "cpu_ms=- sys_ms=- minflt=-"
    tick_ms = 1000.0 / os.sysconf("SC_CLK_TCK")
    minflt, utime, stime = int(fields[7]), int(fields[11]), int(fields[12])  # stat fields 10, 14, 15
    return "cpu_ms=%.0f sys_ms=%.0f minflt=%d" % ((utime + stime) * tick_ms, stime * tick_ms, minflt)


def main():
    port, ca = int(sys.argv[1]), sys.argv[2]
    interval = float(sys.argv[3]) if len(sys.argv) > 3 else 0.01
    timeout = float(sys.argv[4]) if len(sys.argv) > 4 else 60.0
    print("ready", flush=True)
    line = sys.stdin.readline()
    if not line.strip():
        return
    pid = int(line)
    deadline = time.monotonic() + timeout
    context = None
    conn = None
    polls = connections = 0
    while True:
        if time.monotonic() > deadline:
            print("fail no 200 on /cerulean/health after %.0f s" % timeout, flush=True)
            return
        if not alive(pid):
            print("fail the server exited", flush=True)
            return
        if conn is None:
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            except OSError:  # refused: the connector is not listening yet
                time.sleep(0.005)
                continue
            try:
                if context is None:  # the CA exists once the connector listens (a first start makes it)
                    context = ssl.create_default_context(cafile=ca)
                conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=5, context=context)
                conn.sock = context.wrap_socket(sock, server_hostname="127.0.0.1")
                connections += 1
            except (OSError, ssl.SSLError):
                sock.close()
                conn = None
                time.sleep(0.005)
                continue
        polls += 1
        try:
            conn.request("GET", "/cerulean/health", headers={"Accept": "application/json"})
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                now = time.time()
                print("ok %.6f polls=%d connections=%d %s" % (now, polls, connections, cost(pid)), flush=True)
                conn.close()
                return
            if response.will_close:
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException, ssl.SSLError):
            conn.close()
            conn = None
        time.sleep(interval)


if __name__ == "__main__":
    main()
