-- wrk script: POST realistic /v1/check bodies (docs/contracts.md) to Protector.
-- Mix: 70 % browsers from random addresses, 10 % addresses with a stored decision (10.x.y.1),
-- 5 % in a decided CIDR (172.16-31.x.0/24), 5 % decided sessions, 5 % automation UAs, 5 % Googlebot from its CIDR.
-- Optional pacing for the latency run: DELAY_MS env var = pause per connection between requests.
-- CHECK_PATH env var: the path to post the same bodies to (default /v1/check; run.sh also uses the bench-only
-- /bench/bare and /bench/bare-javalin ceilings).
local path = os.getenv("CHECK_PATH") or "/v1/check"
local key = os.getenv("EDGE_KEY") or "bench-edge-key-0123456789"
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local bodies = {}
local n = 2000

local chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
local firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
local tools = {"curl/8.5.0", "python-requests/2.32.3", "Go-http-client/1.1",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36"}
local googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"

local function body(ip, ua, session, lang)
  local headers = '"accept":"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8","accept-encoding":"gzip, deflate, br","sec-fetch-mode":"navigate","sec-fetch-site":"same-origin"'
  if lang then headers = headers .. ',"accept-language":"de-DE,de;q=0.9,en;q=0.8"' end
  return string.format('{"clientIp":"%s","userAgent":"%s","sessionId":"%s","cookieState":"stale","challengePassed":false,'
    .. '"host":"shop.example","method":"GET","path":"/products/%d","query":"q=shoes","country":"DE","ja3":null,'
    .. '"ja4":"t13d1516h2_8daaf6152771_02713d6af862","asn":null,"headers":{%s}}',
    ip, ua, session, math.random(1, 500), headers)
end

math.randomseed(42)
for i = 1, n do
  local r = math.random(100)
  local b
  if r <= 70 then
    b = body(string.format("203.0.%d.%d", math.random(0, 255), math.random(1, 254)), (r % 2 == 0) and chrome or firefox,
      "s" .. math.random(1, 1000000), true)
  elseif r <= 80 then
    local k = math.random(0, 9999)
    b = body(string.format("10.%d.%d.1", math.floor(k / 250) % 256, k % 250), chrome, "s" .. i, true)
  elseif r <= 85 then
    b = body(string.format("172.%d.%d.%d", 16 + math.random(0, 3), math.random(0, 255), math.random(1, 254)), chrome, "s" .. i, true)
  elseif r <= 90 then
    b = body("198.51.100." .. math.random(1, 254), chrome, "bench-session-" .. math.random(0, 4999), true)
  elseif r <= 95 then
    b = body("192.0.2." .. math.random(1, 254), tools[math.random(#tools)], "s" .. i, false)
  else
    b = body("66.249.66." .. math.random(1, 254), googlebot, "-", false)
  end
  bodies[i] = wrk.format("POST", path,
    {["Host"] = "127.0.0.1", ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, b)
end

local i = 0
request = function()
  i = i % n + 1
  return bodies[i]
end

if delay_ms > 0 then
  delay = function() return delay_ms end
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms rps=%.0f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
