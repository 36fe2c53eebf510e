-- wrk script: spreads requests round-robin over sticky cookies, one per backend.
-- BENCH_COOKIES holds the Cookie header values separated by spaces, e.g.
--   BENCH_COOKIES="SRV=1a2b3c4d-s1-5e6f7a8b SRV=...-s2-... SRV=...-s3-..."
-- Requests are prebuilt once; request() only picks the next one.

local requests = {}
local n = 0
local i = 0

function init(args)
   local list = os.getenv("BENCH_COOKIES") or ""
   for cookie in string.gmatch(list, "%S+") do
      n = n + 1
      requests[n] = wrk.format("GET", "/", { ["Cookie"] = cookie })
   end
   if n == 0 then
      n = 1
      requests[1] = wrk.format("GET", "/")
   end
end

function request()
   i = i % n + 1
   return requests[i]
end
