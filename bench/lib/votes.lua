-- wrk script for B2: votes through the gateway. Each request is POST /api/articles/<id>/ratings
-- with {"stars": random 1..5} for a random article of the ids file, a random X-Forwarded-For
-- (the gateway trusts 127.0.0.1 as a proxy, see xff.lua) and no cookie, so the gateway makes
-- every request a new anonymous voter and the per-voter limits never apply.
--
--   wrk -d <vote s + drain s> ... -s bench/lib/votes.lua <gateway url> -- <ids file> <totals out file> <vote s> [max votes per thread]
--
-- Votes are sent for <vote s> seconds (or until a thread sent its maximum); then no connection
-- sends again (delay()) and the answers still on their way arrive during the drain, so that
-- every vote sent is answered before wrk stops: a vote in flight at the end would be counted by
-- the service but not here. Every 202 names its article and stars; done() appends
-- "articleId<TAB>votes<TAB>points" per article to the out file (what the totals must become)
-- and prints the BENCH line of xff.lua over the vote phase, plus accepted votes/s and the
-- number of votes sent but never answered (0 unless the drain was too short).
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_usec; } bench_timeval;
  int gettimeofday(bench_timeval *tv, void *tz);
]]
local tv = ffi.new("bench_timeval")
local function now()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) + tonumber(tv.tv_usec) / 1e6
end

local threads = {}
local ids = {}
accepted = {}
points = {}
sent = 0
responses = 0
vote_seconds = 0
local max_per_thread, stop_at = 0, nil

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then ids[#ids + 1] = line end
  end
  out_file = args[2]
  vote_seconds = tonumber(args[3])
  max_per_thread = tonumber(args[4] or "0") or 0
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
  stop_at = now() + vote_seconds
end

local function over()
  return now() >= stop_at or (max_per_thread > 0 and sent >= max_per_thread)
end

function request()
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  local article = ids[math.random(#ids)]
  if over() then
    -- only a connection wrk opens again after the vote phase gets here (delay() holds the
    -- others): it reads a rating line instead, answered 200, which no vote ever is
    return wrk.format("GET", "/api/articles/" .. article .. "/rating", headers)
  end
  sent = sent + 1
  headers["Content-Type"] = "application/json"
  return wrk.format("POST", "/api/articles/" .. article .. "/ratings", headers,
    string.format('{"stars":%d}', math.random(1, 5)))
end

-- 0: send the next vote now; after the vote phase: never again in this run
function delay()
  if over() then return 3600000 end
  return 0
end

function response(status, headers, body)
  if status ~= 200 then responses = responses + 1 end
  if status == 202 then
    local article = string.match(body, '"articleId"%s*:%s*"([^"]+)"')
    local stars = tonumber(string.match(body, '"stars"%s*:%s*(%d)'))
    if article and stars then
      accepted[article] = (accepted[article] or 0) + 1
      points[article] = (points[article] or 0) + stars
    end
  end
end

function done(summary, latency, requests)
  local votes, pts, total, all_sent, all_answered = {}, {}, 0, 0, 0
  for _, t in ipairs(threads) do
    local a, p = t:get("accepted"), t:get("points")
    for k, v in pairs(a) do
      votes[k] = (votes[k] or 0) + v
      pts[k] = (pts[k] or 0) + p[k]
      total = total + v
    end
    all_sent = all_sent + t:get("sent")
    all_answered = all_answered + t:get("responses")
  end
  local out = io.open(threads[1]:get("out_file"), "a")
  for k, v in pairs(votes) do out:write(k, "\t", v, "\t", pts[k], "\n") end
  out:close()
  -- wrk calls request() once on the first thread before the run, to check what it returns
  -- (script_verify_request): a vote counted as sent that never is
  all_sent = all_sent - 1
  local e = summary.errors
  local seconds = threads[1]:get("vote_seconds")
  io.write(string.format("BENCH\t%.1f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%.1f\t%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, e.status, e.connect + e.read + e.write + e.timeout, total / seconds,
    all_sent - all_answered))
end
