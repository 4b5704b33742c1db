# ARM GET of a resource group, the read every ARM client makes most. Its exact response body is
# also what the nginx peer serves (NGINX_BODY), so both answer the same bytes.
RG_PATH="/subscriptions/$CER_SUB/resourcegroups/bench?api-version=2021-04-01"
arm PUT "$RG_PATH" '{"location":"westus"}' >/dev/null
arm GET "$RG_PATH" >"$WORK/body-resource-group.json"
NGINX_BODY=${NGINX_BODY:-$WORK/body-resource-group.json}
NGINX_PATH=${NGINX_PATH:-$RG_PATH}
add_case "ARM GET resource group" GET "$RG_PATH" --bearer --min-ratio 0.5 --max-p99 15
