-- wrk script: GET requests read from $REQS (path <TAB> token per line), picked at random.
local reqs = {}
for line in io.lines(os.getenv("REQS")) do
  local path, token = line:match("([^\t]+)\t([^\t]+)")
  reqs[#reqs + 1] = { path, token }
end

function init(args)
  math.randomseed(os.time())
end

function request()
  local r = reqs[math.random(#reqs)]
  return wrk.format("GET", r[1], { ["Authorization"] = "Bearer " .. r[2] })
end

delay = require("benchmarks.pace")() -- RATE or DELAY_MS, see benchmarks/pace.lua

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d errors_other=%d rps=%.1f p50=%.1f p99=%.1f max=%.1f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
