-- Prosody 0.12 configuration for developing and testing xmpp-telco-component.
-- One file serves the test suite, `npm run demo` and docker-compose.yml; each
-- sets the environment variables read below. To plug the component into an
-- existing Prosody you need only the Component section at the end (README).
--
-- DEVELOPMENT ONLY, never in production:
--   run_as_root                   the test machines run as root
--   c2s_require_encryption=false  no certificates on loopback
--   allow_unencrypted_plain_auth  lets test clients log in without TLS
--   the default COMPONENT_SECRET  "change-me" is public
--
-- Settings from the environment (unset or empty means the default):
--   PROSODY_INTERFACE       address to listen on: 127.0.0.1 (compose: *)
--   PROSODY_C2S_PORT        5222
--   PROSODY_COMPONENT_PORT  5347
--   PROSODY_DATA_DIR        /var/lib/prosody (accounts, rosters)
--   PROSODY_PID_FILE        <data dir>/prosody.pid
--   PROSODY_LOG_LEVEL       info, to the console (stdout)
--   PROSODY_LOG_FILE        a file that gets the same lines, if set
--   COMPONENT_DOMAIN        telco.localhost
--   COMPONENT_SECRET        change-me
-- Prosody 0.12 reads a variable as the global ENV_<NAME>; it has no `Lua`
-- table (that arrived in 13.0), so `Lua.os.getenv` fails here.

local function setting(value, default)
	if value == nil or value == "" then
		return default
	end
	return value
end

local data_dir = setting(ENV_PROSODY_DATA_DIR, "/var/lib/prosody")
local listen_on = setting(ENV_PROSODY_INTERFACE, "127.0.0.1")
local log_level = setting(ENV_PROSODY_LOG_LEVEL, "info")
local log_file = setting(ENV_PROSODY_LOG_FILE, nil)

run_as_root = true -- dev only
data_path = data_dir
pidfile = setting(ENV_PROSODY_PID_FILE, data_dir .. "/prosody.pid")
-- No certificates; an existing folder only spares an error line at start.
certificates = data_dir .. "/certs"

-- Loopback unless told otherwise; no IPv6, so each port is held once.
interfaces = { listen_on }
local_interfaces = { listen_on }
component_interfaces = { listen_on }
use_ipv6 = false

c2s_ports = { tonumber(setting(ENV_PROSODY_C2S_PORT, "5222")) }
component_ports = { tonumber(setting(ENV_PROSODY_COMPONENT_PORT, "5347")) }
c2s_direct_tls_ports = {}
http_ports = {}
https_ports = {}

-- No mod_limits: Debian's default rate limit (about 10 kB/s) stalls tests.
-- No s2s, which Prosody loads unless told: this server talks to no other.
modules_enabled = { "roster", "saslauth", "disco", "ping" }
modules_disabled = { "s2s", "s2s_auth_certs" }

c2s_require_encryption = false -- dev only
allow_unencrypted_plain_auth = true -- dev only
authentication = "internal_hashed"
storage = "internal"

local sinks = { { levels = { min = log_level }, to = "console" } }
if log_file then
	sinks[2] = { levels = { min = log_level }, to = "file", filename = log_file }
end
log = sinks

VirtualHost "localhost"

-- The component (XEP-0114). Its domain and secret must match the
-- component's COMPONENT_DOMAIN and COMPONENT_SECRET.
Component (setting(ENV_COMPONENT_DOMAIN, "telco.localhost"))
	component_secret = setting(ENV_COMPONENT_SECRET, "change-me") -- dev default
