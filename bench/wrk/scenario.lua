-- One benchmark scenario for wrk, configured through the environment by bench/bench.py:
--   BENCH_METHOD, BENCH_PATH, BENCH_BODY_FILE (optional), BENCH_TOKEN (optional), BENCH_HEADERS (optional,
--   "Name: value" lines), BENCH_OUT (where done() writes its JSON line), BENCH_PREFIX (unique per run).
-- In a body or header, {{n}} becomes a value unique to this request (prefix, thread and counter), so that
-- creates, idempotency keys and OpenLineage run ids never collide.
local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local token = os.getenv("BENCH_TOKEN")
local prefix = os.getenv("BENCH_PREFIX") or "run"
local out = os.getenv("BENCH_OUT")
local body = nil
local body_file = os.getenv("BENCH_BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "r"))
  body = f:read("*a")
  f:close()
end
local extra = {}
for line in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^\n]+") do
  local name, value = string.match(line, "^([^:]+):%s*(.*)$")
  if name then extra[name] = value end
end
local templated = (body and string.find(body, "{{n}}", 1, true)) ~= nil
for _, v in pairs(extra) do
  if string.find(v, "{{n}}", 1, true) then templated = true end
end

local threads = {}
local counter = 0
local static_request = nil

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local function headers_for(n)
  local h = {}
  if body then h["Content-Type"] = "application/json" end
  if token and token ~= "" then h["Authorization"] = "Bearer " .. token end
  for k, v in pairs(extra) do h[k] = n and string.gsub(v, "{{n}}", n) or v end
  return h
end

function init(args)
  if not templated then
    static_request = wrk.format(method, path, headers_for(nil), body)
  end
end

function request()
  if static_request then return static_request end
  counter = counter + 1
  local n = prefix .. "-" .. tid .. "-" .. counter
  local b = body and string.gsub(body, "{{n}}", n) or nil
  return wrk.format(method, path, headers_for(n), b)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local line = string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p90_ms": %.3f, "p99_ms": %.3f, ' ..
    '"max_ms": %.3f, "mean_ms": %.3f, "non_2xx_3xx": %d, "socket_errors": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000, e.status, e.connect + e.read + e.write + e.timeout)
  if out and out ~= "" then
    local f = assert(io.open(out, "w"))
    f:write(line)
    f:close()
  else
    io.write(line)
  end
end
