-- The one wrk script of ./crm bench. The driver writes a plan (a Lua table) per run and names it
-- in BENCH_PLAN: method, headers, paths and bodies to rotate through, and a mode:
--   "plain"  - the same request shape, path after path;
--   "create" - a unique Idempotency-Key per request, and a body made unique: "{serial}" (the run, the
--              thread and the request's number) and "{phone}" (an 11-digit mobile made of them);
--   "update" - each row is sent with If-Match of its current version, and its answer (id and new
--              version in the JSON body) returns it to this thread's pool, so writes never go stale.
local plan = dofile(os.getenv("BENCH_PLAN"))
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  sent = 0
  non2xx = 0
  pool = {}
  if plan.mode == "update" then
    for i = thread_number, #plan.rows, plan.threads do
      table.insert(pool, plan.rows[i])
    end
  end
end

function request()
  sent = sent + 1
  local headers = {}
  for name, value in pairs(plan.headers) do headers[name] = value end
  local path = plan.paths[(sent + thread_number) % #plan.paths + 1]
  if plan.mode == "create" then
    headers["Idempotency-Key"] = plan.nonce .. "-" .. thread_number .. "-" .. sent
  elseif plan.mode == "update" then
    local row = table.remove(pool, 1)
    if row == nil then
      -- Every row of this thread is in flight or was lost to an error: repeat one, which answers 412.
      row = plan.rows[thread_number]
    end
    path = string.gsub(path, "{id}", row[1])
    headers["If-Match"] = '"' .. row[2] .. '"'
  end
  local body = nil
  if #plan.bodies > 0 then body = plan.bodies[(sent + thread_number) % #plan.bodies + 1] end
  if plan.mode == "create" then
    local serial = string.format("%03d%02d%05d", plan.run % 1000, thread_number % 100, sent % 100000)
    body = string.gsub(string.gsub(body, "{serial}", serial), "{phone}", "1" .. serial)
  end
  return wrk.format(plan.method, path, headers, body)
end

if plan.mode == "update" then
  function response(status, headers, body)
    if status < 200 or status > 299 then
      non2xx = non2xx + 1
      return
    end
    local id = string.match(body, '"id"%s*:%s*"([^"]+)"')
    local version = string.match(body, '"version"%s*:%s*(%d+)')
    if id and version then table.insert(pool, { id, version }) end
  end
end

function done(summary, latency, requests)
  local counted = 0
  for _, thread in ipairs(threads) do counted = counted + (thread:get("non2xx") or 0) end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"non2xx":%d,"socketErrors":%d,"timeouts":%d,"p50Us":%d,"p95Us":%d,"p99Us":%d,"meanUs":%.1f}\n',
    summary.requests, summary.duration, plan.mode == "update" and counted or errors.status,
    errors.connect + errors.read + errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean))
end
