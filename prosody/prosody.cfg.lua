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

local getenv = os.getenv
local data_dir = getenv("PROSODY_DATA_DIR") or "/var/lib/prosody"
local listen_on = getenv("PROSODY_INTERFACE") or "127.0.0.1"

run_as_root = true
daemonize = false
data_path = data_dir
pidfile = data_dir .. "/prosody.pid"
certificates = data_dir .. "/certs"

-- Loopback only unless told otherwise (compose listens on the container's network).
interfaces = { listen_on }
local_interfaces = { listen_on }
component_interfaces = { listen_on }
use_ipv6 = false

c2s_ports = { tonumber(getenv("PROSODY_C2S_PORT") or "5222") }
component_ports = { tonumber(getenv("PROSODY_COMPONENT_PORT") or "5347") }
c2s_direct_tls_ports = {}
http_ports = {}
https_ports = {}

-- No mod_limits: Debian's default rate limit (about 10 kB/s) stalls tests.
modules_enabled = { "roster", "saslauth", "disco", "ping", "posix" }
modules_disabled = { "s2s" }

c2s_require_encryption = false
allow_unencrypted_plain_auth = true
authentication = "internal_hashed"
storage = "internal"

log = { [getenv("PROSODY_LOG_LEVEL") or "info"] = "*console" }

VirtualHost (getenv("PROSODY_VIRTUAL_HOST") or "localhost")

-- The component (XEP-0114). Its domain and secret must match the
-- component's COMPONENT_DOMAIN and COMPONENT_SECRET.
Component (getenv("COMPONENT_DOMAIN") or "telco.localhost")
	component_secret = getenv("COMPONENT_SECRET") or "change-me"
