-- One request in a fixed window: KEYS[1] the caller's counter, ARGV[1] the window in ms.
-- Returns {count including this request, ms until the window resets}.
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  -- first request of the window (or a counter that lost its expiry)
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
