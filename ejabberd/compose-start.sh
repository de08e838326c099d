#!/bin/sh
# Starts ejabberd for docker-compose.yml's ejabberd profile (image
# ejabberd/ecs:23.01): defines the macros ejabberd.yml uses from the
# environment, then runs ejabberd in the foreground.
set -eu

# The secret goes into a double-quoted YAML string: escape \ and ".
yaml_quoted() {
	printf '"%s"' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"
}

config=/home/ejabberd/conf/telco.yml
cat >"$config" <<YAML
define_macro:
  LISTEN_IP: "0.0.0.0"
  C2S_PORT: 5222
  COMPONENT_PORT: 5347
  COMPONENT_HOSTS:
    $(yaml_quoted "${COMPONENT_DOMAIN:-telco.localhost}"):
      password: $(yaml_quoted "${COMPONENT_SECRET:-change-me}")
include_config_file: /etc/telco/ejabberd.yml
YAML

exec /home/ejabberd/bin/ejabberdctl --config "$config" foreground
