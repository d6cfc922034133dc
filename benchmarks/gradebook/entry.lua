-- wrk script: bulk lesson entries (POST /api/v1/gradebook/lessons/{id}) read from $REQS, one per line:
-- path <TAB> bearer token <TAB> JSON body. Every request carries a fresh Idempotency-Key, so each one writes.
-- RATE (requests/s, fixed schedule) or DELAY_MS (a pause per connection) paces it: see benchmarks/pace.lua.
local reqs = {}
for line in io.lines(os.getenv("REQS")) do
  local path, token, body = line:match("([^\t]+)\t([^\t]+)\t(.*)")
  reqs[#reqs + 1] = { path, token, body }
end
local counter = 0
local threads = {}

-- thread_id is a global of each thread's Lua state, set here (a `local thread_id` would shadow it, and two
-- threads would send the same keys).
function setup(thread)
  thread:set("thread_id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() + thread_id)
end

function request()
  counter = counter + 1
  local r = reqs[math.random(#reqs)]
  return wrk.format("POST", r[1], {
    ["Authorization"] = "Bearer " .. r[2],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. thread_id .. "-" .. counter .. "-" .. os.time()
  }, r[3])
end

delay = require("benchmarks.pace")() -- RATE or DELAY_MS, see benchmarks/pace.lua

-- SHOW_ERRORS=1 prints each answer that is not 2xx (status and the first 400 characters of its problem document) as an ERROR line.
if os.getenv("SHOW_ERRORS") == "1" then
  function response(status, headers, body)
    if status >= 300 then
      io.write("ERROR " .. status .. " " .. string.sub(body or "", 1, 400) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d errors_other=%d rps=%.1f p50=%.1f p99=%.1f max=%.1f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
