-- wrk script for bench/run: every request of a run has the same shape, taken from the
-- environment so that one script serves every row.
--   BENCH_METHOD   GET (default) or POST
--   BENCH_BODY     file holding the body; each "{{seq}}" in it becomes a short ASCII string
--                  unique to the request (so that idempotency and duplicate checks see new
--                  data): "<run>-<thread>-<n>"
--   BENCH_RUN_ID   the <run> part, unique per run against the same server (default: the
--                  clock, in seconds modulo 100000)
--   BENCH_HEADERS  extra headers, one "Name: value" per line
-- When the run ends, prints one "wrk_<key>=<value>" line per figure for bench/run.

local method = os.getenv("BENCH_METHOD") or "GET"
local headers = {}
for line in (os.getenv("BENCH_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^%s*([^:]+):%s*(.*)$")
  if name then headers[name] = value end
end

local template = nil
local body_file = os.getenv("BENCH_BODY") or ""
if body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  template = f:read("*a")
  f:close()
  headers["Content-Type"] = headers["Content-Type"] or "application/json"
end

local run_id = os.getenv("BENCH_RUN_ID") or tostring(os.time() % 100000)
local threads_set_up = 0
local counter = 0
local fixed = nil

-- Runs in the main Lua state; thread:set gives each thread's own state a global `id`.
function setup(thread)
  threads_set_up = threads_set_up + 1
  thread:set("id", threads_set_up)
end

function init(args)
  if template == nil or not template:find("{{seq}}", 1, true) then
    fixed = wrk.format(method, nil, headers, template)
  end
end

function request()
  if fixed then return fixed end
  counter = counter + 1
  local body = template:gsub("{{seq}}", string.format("%s-%d-%d", run_id, id, counter))
  return wrk.format(method, nil, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("wrk_requests=%d\n", summary.requests))
  io.write(string.format("wrk_seconds=%.3f\n", summary.duration / 1e6))
  io.write(string.format("wrk_rps=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("wrk_p50_ms=%.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("wrk_p99_ms=%.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("wrk_socket_errors=%d\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("wrk_http_errors=%d\n", e.status))
end
