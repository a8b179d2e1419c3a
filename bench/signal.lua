-- wrk script for bin/loadtest: POST /api/v1/signals, each request a new signal (unique source id per thread and
-- request), authenticated with the API token in the TOKEN environment variable.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  run = os.getenv("RUN") or tostring(os.time())
  token = os.getenv("TOKEN")
  -- what help-desk systems send: the text and the language they already know
  texts = {
    {"en", "The invoice never arrived and now I got a reminder fee"},
    {"sv", "Fakturan kom aldrig fram men nu fick jag en påminnelseavgift"},
    {"en", "My refund has not arrived after three weeks"},
    {"de", "Die App stürzt beim Login ab"},
    {"sv", "Kortet nekades i kassan fast jag har pengar på kontot"},
  }
  markets = {"SE", "NO", "DK", "FI", "DE", "GB", "NL"}
end

function request()
  counter = counter + 1
  local body = string.format('{"source":"loadtest","sourceId":"%s-%d-%d","channel":"complaint","market":"%s",'
    .. '"product":"pay-later","receivedAt":"2026-11-%02dT10:00:00Z","language":"%s","text":"%s"}',
    run, tid, counter, markets[counter % #markets + 1], counter % 28 + 1, texts[counter % #texts + 1][1],
    texts[counter % #texts + 1][2])
  return wrk.format("POST", "/api/v1/signals",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors(status)=%d rps=%.0f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    summary.requests, summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
