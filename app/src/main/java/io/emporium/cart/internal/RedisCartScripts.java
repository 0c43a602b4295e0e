package io.emporium.cart.internal;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts of {@link RedisCartStore}, each one atomic step on a cart's hash. Every
 * script gets the cart's key as KEYS[1] and, as ARGV[1..5], the cart's id, the time in
 * epoch milliseconds, the customer index's key prefix and the customer and guest TTLs in
 * milliseconds; its own arguments follow from ARGV[6]. Keys derived inside a script (the
 * customer index) assume one Redis, not a cluster.
 */
final class RedisCartScripts {

	static final String CART = "cart:";

	static final String INDEX = "cart-of:";

	static final String LINE = "line:";

	/**
	 * Shared functions: the lines of a cart, and the refresh after every change (TTL, the
	 * customer's index pointing at their open cart, or no longer at a closed one).
	 */
	private static final String COMMON = """
			local function lines(cart)
				local all = redis.call('HGETALL', cart)
				local result = {}
				for i = 1, #all, 2 do
					if string.sub(all[i], 1, 5) == 'line:' then
						local q, t, id = string.match(all[i + 1], '^(%d+)|(%d+)|(.+)$')
						result[#result + 1] = { sku = string.sub(all[i], 6), q = tonumber(q), t = t, id = id }
					end
				end
				return result
			end
			local function touch(cart, id)
				redis.call('HSET', cart, 'updated', ARGV[2])
				local customer = redis.call('HGET', cart, 'customer')
				if customer then
					redis.call('PEXPIRE', cart, ARGV[4])
					local index = ARGV[3] .. customer
					if redis.call('HGET', cart, 'status') == 'ACTIVE' then
						redis.call('SET', index, id, 'PX', ARGV[4])
					elseif redis.call('GET', index) == id then
						redis.call('DEL', index)
					end
				else
					redis.call('PEXPIRE', cart, ARGV[5])
				end
			end
			local function open(cart)
				return redis.call('HGET', cart, 'status') == 'ACTIVE'
			end
			""";

	/** ARGV[6]: the customer's id or ''. */
	static final RedisScript<Long> CREATE = script("""
			redis.call('HSET', KEYS[1], 'status', 'ACTIVE', 'created', ARGV[2])
			if ARGV[6] ~= '' then
				redis.call('HSET', KEYS[1], 'customer', ARGV[6])
			end
			touch(KEYS[1], ARGV[1])
			return 1
			""", Long.class);

	/**
	 * ARGV[6..11]: SKU, quantity to add, in stock, new line's id, max quantity, max
	 * lines.
	 */
	static final RedisScript<String> ADD = script("""
			if not open(KEYS[1]) then
				return 'NOT_OPEN'
			end
			local field = 'line:' .. ARGV[6]
			local line = redis.call('HGET', KEYS[1], field)
			local present, added, id = 0, ARGV[2], ARGV[9]
			if line then
				local q, t, i = string.match(line, '^(%d+)|(%d+)|(.+)$')
				present, added, id = tonumber(q), t, i
			elseif #lines(KEYS[1]) >= tonumber(ARGV[11]) then
				return 'LINE_LIMIT'
			end
			local wanted = present + tonumber(ARGV[7])
			if wanted > tonumber(ARGV[10]) then
				return 'QUANTITY_LIMIT'
			end
			if wanted > tonumber(ARGV[8]) then
				return 'OUT_OF_STOCK'
			end
			redis.call('HSET', KEYS[1], field, wanted .. '|' .. added .. '|' .. id)
			touch(KEYS[1], ARGV[1])
			return 'DONE'
			""", String.class);

	/** ARGV[6..9]: line id, quantity, in stock, max quantity. */
	static final RedisScript<String> SET = script("""
			if not open(KEYS[1]) then
				return 'NOT_OPEN'
			end
			for _, l in ipairs(lines(KEYS[1])) do
				if l.id == ARGV[6] then
					local q = tonumber(ARGV[7])
					if q > tonumber(ARGV[9]) then
						return 'QUANTITY_LIMIT'
					end
					if q > tonumber(ARGV[8]) then
						return 'OUT_OF_STOCK'
					end
					redis.call('HSET', KEYS[1], 'line:' .. l.sku, q .. '|' .. l.t .. '|' .. l.id)
					touch(KEYS[1], ARGV[1])
					return 'DONE'
				end
			end
			return 'NO_SUCH_LINE'
			""", String.class);

	/** ARGV[6]: line id. */
	static final RedisScript<String> REMOVE = script("""
			if not open(KEYS[1]) then
				return 'NOT_OPEN'
			end
			for _, l in ipairs(lines(KEYS[1])) do
				if l.id == ARGV[6] then
					redis.call('HDEL', KEYS[1], 'line:' .. l.sku)
					touch(KEYS[1], ARGV[1])
					return 'DONE'
				end
			end
			return 'NO_SUCH_LINE'
			""", String.class);

	/** ARGV[6]: the customer's id. Only an open guest cart. */
	static final RedisScript<Long> ASSIGN = script("""
			if not open(KEYS[1]) or redis.call('HEXISTS', KEYS[1], 'customer') == 1 then
				return 0
			end
			redis.call('HSET', KEYS[1], 'customer', ARGV[6])
			touch(KEYS[1], ARGV[1])
			return 1
			""", Long.class);

	/**
	 * KEYS[1] the guest cart, KEYS[2] the target; ARGV[6..8]: target's id, max quantity,
	 * max lines. Guest lines are taken in the order they were added.
	 */
	static final RedisScript<Long> MERGE = script(
			"""
					if not open(KEYS[1]) or not open(KEYS[2]) then
						return 0
					end
					local maxQuantity, maxLines = tonumber(ARGV[7]), tonumber(ARGV[8])
					local target, count = {}, 0
					for _, l in ipairs(lines(KEYS[2])) do
						target[l.sku] = l
						count = count + 1
					end
					local guest = lines(KEYS[1])
					table.sort(guest, function(a, b)
						if a.t == b.t then
							return a.sku < b.sku
						end
						return tonumber(a.t) < tonumber(b.t)
					end)
					for _, l in ipairs(guest) do
						local present = target[l.sku]
						if present then
							local added = math.min(l.q, maxQuantity - present.q)
							if added > 0 then
								redis.call('HSET', KEYS[2], 'line:' .. l.sku, (present.q + added) .. '|' .. present.t .. '|' .. present.id)
							end
						elseif count < maxLines then
							redis.call('HSET', KEYS[2], 'line:' .. l.sku, math.min(l.q, maxQuantity) .. '|' .. ARGV[2] .. '|' .. l.id)
							count = count + 1
						end
					end
					redis.call('HSET', KEYS[1], 'status', 'MERGED')
					touch(KEYS[1], ARGV[1])
					touch(KEYS[2], ARGV[6])
					return 1
					""",
			Long.class);

	/**
	 * ARGV[6..7]: key and fence. An open cart, or a takeover by a newer fence of the key.
	 */
	static final RedisScript<Long> CLAIM = script("""
			local status = redis.call('HGET', KEYS[1], 'status')
			local claimable = status == 'ACTIVE'
				or (status == 'CHECKING_OUT' and redis.call('HGET', KEYS[1], 'key') == ARGV[6]
					and tonumber(redis.call('HGET', KEYS[1], 'fence')) < tonumber(ARGV[7]))
			if not claimable or #lines(KEYS[1]) == 0 then
				return 0
			end
			redis.call('HSET', KEYS[1], 'status', 'CHECKING_OUT', 'key', ARGV[6], 'fence', ARGV[7])
			touch(KEYS[1], ARGV[1])
			return 1
			""", Long.class);

	/** ARGV[6..7]: key and fence; the holder's fence must not be newer. */
	static final RedisScript<Long> RELEASE = script("""
			if redis.call('HGET', KEYS[1], 'status') ~= 'CHECKING_OUT' or redis.call('HGET', KEYS[1], 'key') ~= ARGV[6]
					or tonumber(redis.call('HGET', KEYS[1], 'fence')) > tonumber(ARGV[7]) then
				return 0
			end
			redis.call('HSET', KEYS[1], 'status', 'ACTIVE')
			redis.call('HDEL', KEYS[1], 'key', 'fence')
			touch(KEYS[1], ARGV[1])
			return 1
			""", Long.class);

	/**
	 * ARGV[6..8]: key, fence and order. 1 when closed now, 2 when this order closed it
	 * before, 0 when this claim does not hold it.
	 */
	static final RedisScript<Long> CHECKED_OUT = script("""
			local status = redis.call('HGET', KEYS[1], 'status')
			if status == 'CHECKED_OUT' and redis.call('HGET', KEYS[1], 'order') == ARGV[8] then
				return 2
			end
			if status ~= 'CHECKING_OUT' or redis.call('HGET', KEYS[1], 'key') ~= ARGV[6]
					or tonumber(redis.call('HGET', KEYS[1], 'fence')) ~= tonumber(ARGV[7]) then
				return 0
			end
			redis.call('HSET', KEYS[1], 'status', 'CHECKED_OUT', 'order', ARGV[8])
			touch(KEYS[1], ARGV[1])
			return 1
			""", Long.class);

	/** KEYS[1] the customer's index; ARGV[1] the cart key prefix. Only an open cart. */
	static final RedisScript<String> OPEN_CART_OF = RedisScript.of("""
			local id = redis.call('GET', KEYS[1])
			if id and redis.call('HGET', ARGV[1] .. id, 'status') == 'ACTIVE' then
				return id
			end
			return false
			""", String.class);

	private RedisCartScripts() {
	}

	private static <T> RedisScript<T> script(String body, Class<T> result) {
		return RedisScript.of(COMMON + body, result);
	}

}
