-- wrk script: every request carries a random X-Forwarded-For, as requests behind a load balancer
-- do, so that a gateway started with GATEWAY_TRUSTED_PROXIES=127.0.0.1 limits each (random)
-- client address and never the load generator as a whole. Nothing in the gateway's limits changes.
--
--   wrk ... -s bench/lib/xff.lua <url> [-- <paths file>]
--
-- With a paths file (one request path per line), each request takes a random line; otherwise the
-- URL's path. Headers given with -H are kept. done() prints one tab-separated line for the scripts:
--   BENCH  req/s  p50 ms  p99 ms  max ms  requests  non-2xx/3xx  socket errors
local threads = {}
local paths = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  if args[1] and args[1] ~= "" then
    for line in io.lines(args[1]) do
      if line ~= "" then paths[#paths + 1] = line end
    end
  end
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
end

function random_address()
  return string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
end

function request()
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["X-Forwarded-For"] = random_address()
  local path = wrk.path
  if #paths > 0 then path = paths[math.random(#paths)] end
  return wrk.format(nil, path, headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH\t%.1f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, e.status,
    e.connect + e.read + e.write + e.timeout))
end
