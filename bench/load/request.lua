-- One request shape for every wrk case, set from the environment by lib/measure.sh, and one
-- machine-readable summary line at the end, so run.sh never parses wrk's human output.
--   BENCH_METHOD        GET (default), POST, PUT ...
--   BENCH_BODY          request body (e.g. the token form), sent as is
--   BENCH_CONTENT_TYPE  Content-Type of that body
--   BENCH_BEARER        access token; sent as "Authorization: Bearer <token>"

wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body ~= nil and body ~= "" then wrk.body = body end
local content_type = os.getenv("BENCH_CONTENT_TYPE")
if content_type ~= nil and content_type ~= "" then wrk.headers["Content-Type"] = content_type end
local bearer = os.getenv("BENCH_BEARER")
if bearer ~= nil and bearer ~= "" then wrk.headers["Authorization"] = "Bearer " .. bearer end
wrk.headers["Accept"] = "application/json"

-- BENCH_BODY may contain "{n}": each request then gets its own number there (e.g. a distinct token
-- resource, so no server-side reuse can answer it). Every wrk thread runs its own Lua state with its
-- own counter, so the number is "<thread>-<counter>": with the counter alone two threads sent the same
-- names moments apart, and the server answered the second from its one-second token reuse.
local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

if body ~= nil and string.find(body, "{n}", 1, true) then
  local counter = 0
  request = function()
    counter = counter + 1
    local n = tostring(thread_id or 0) .. "-" .. tostring(counter)
    return wrk.format(nil, nil, nil, (string.gsub(body, "{n}", n)))
  end
end

-- latency:percentile() is in microseconds; summary.duration too.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "bytes=%d status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.bytes, e.status, e.connect, e.read, e.write, e.timeout))
end
