-- wrk script: each connection waits DELAY_MS milliseconds before each request (wrk has no constant-rate mode, so
-- this paces a closed loop: connections × 1000 / DELAY_MS requests/s at most).
local pace = tonumber(os.getenv("DELAY_MS") or "0")
function delay()
  return pace
end
