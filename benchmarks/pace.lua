-- Pacing for the wrk scripts, loaded from the repository's root with `delay = require("benchmarks.pace")()`:
--  RATE=n      n requests/s over all of wrk's threads (THREADS=t, default 2, must match wrk's -t) on a fixed schedule:
--              each request of a thread is due 1/(n/t) s after the previous one, sent by whichever connection is free
--              then; a request whose time has passed (every connection was waiting for an answer) goes at once. The
--              rate offered is n as long as the connections suffice (connections ≥ n × latency), whatever the latency.
--  DELAY_MS=n  each connection waits n ms after an answer before its next request (a paced closed loop: the rate
--              falls as the latency grows).
-- Returns the delay function for wrk, or nil (no pacing: every connection at full speed).
return function()
  local rate = tonumber(os.getenv("RATE") or "0")
  if rate > 0 then
    local ffi = require("ffi")
    ffi.cdef [[
      typedef struct { long tv_sec; long tv_nsec; } zh_timespec;
      int clock_gettime(int clock, zh_timespec *ts);
    ]]
    local ts = ffi.new("zh_timespec")
    local function now_ms()
      ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
      return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
    end
    local interval = 1000 * tonumber(os.getenv("THREADS") or "2") / rate
    local due
    return function()
      local now = now_ms()
      due = math.max(due or now, now - 1000) + interval -- a backlog older than 1 s is not sent in a burst
      return math.max(0, math.floor(due - now))
    end
  end
  local pace = tonumber(os.getenv("DELAY_MS") or "0")
  if pace > 0 then
    return function()
      return pace
    end
  end
  return nil
end
