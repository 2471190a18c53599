-- wrk script for B2: votes through the gateway. Each request is POST /api/articles/<id>/ratings
-- with {"stars": 1..5} for a random article of the ids file, a random X-Forwarded-For (the
-- gateway trusts 127.0.0.1 as a proxy, see xff.lua) and no cookie, so the gateway makes every
-- request a new anonymous voter and the per-voter limits never apply.
--
--   wrk ... -s bench/lib/votes.lua <gateway url> -- <ids file> <expected-totals out file> [max votes per thread]
--
-- Every 202 answer names its article and stars; done() appends "articleId<TAB>votes<TAB>points"
-- per article to the out file (what the totals must become) and prints the BENCH line of
-- xff.lua, with the accepted votes per second as a ninth field.
local threads = {}
local ids = {}
accepted = {}
points = {}
responses = 0
local max_per_thread = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then ids[#ids + 1] = line end
  end
  out_file = args[2]
  max_per_thread = tonumber(args[3] or "0") or 0
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
end

function request()
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  headers["Content-Type"] = "application/json"
  local path = "/api/articles/" .. ids[math.random(#ids)] .. "/ratings"
  return wrk.format("POST", path, headers, string.format('{"stars":%d}', math.random(1, 5)))
end

function response(status, headers, body)
  responses = responses + 1
  if status == 202 then
    local article = string.match(body, '"articleId"%s*:%s*"([^"]+)"')
    local stars = tonumber(string.match(body, '"stars"%s*:%s*(%d)'))
    if article and stars then
      accepted[article] = (accepted[article] or 0) + 1
      points[article] = (points[article] or 0) + stars
    end
  end
  if max_per_thread > 0 and responses >= max_per_thread then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local votes, pts, total = {}, {}, 0
  for _, t in ipairs(threads) do
    local a, p = t:get("accepted"), t:get("points")
    for k, v in pairs(a) do
      votes[k] = (votes[k] or 0) + v
      pts[k] = (pts[k] or 0) + p[k]
      total = total + v
    end
  end
  local out = io.open(threads[1]:get("out_file"), "a")
  for k, v in pairs(votes) do out:write(k, "\t", v, "\t", pts[k], "\n") end
  out:close()
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("BENCH\t%.1f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%.1f\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, e.status, e.connect + e.read + e.write + e.timeout, total / seconds))
end
