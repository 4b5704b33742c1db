# Registry control plane: GET of a registry and the token list of a registry holding 100 tokens
# (acr.md §1, §3). Skipped, with a line in the log, while the server has no
# Microsoft.ContainerRegistry provider.
ACR_VERSION=2023-01-01-preview
ACR_RG="/subscriptions/$CER_SUB/resourceGroups/bench"
ACR_PATH="$ACR_RG/providers/Microsoft.ContainerRegistry/registries/benchregistry"
status=$(arm_status PUT "$ACR_PATH?api-version=$ACR_VERSION" '{"location":"westus","sku":{"name":"Standard"}}')
if [ "$status" != 200 ] && [ "$status" != 201 ]; then
  log "registry cases skipped: PUT registry answered $status (no Microsoft.ContainerRegistry provider yet?)"
  return 0
fi
for i in $(seq -w 1 100); do
  arm PUT "$ACR_PATH/tokens/benchtoken$i?api-version=$ACR_VERSION" \
    "{\"properties\":{\"scopeMapId\":\"$ACR_PATH/scopeMaps/_repositories_pull\",\"status\":\"enabled\"}}" >/dev/null
done
arm GET "$ACR_PATH/tokens?api-version=$ACR_VERSION" >"$WORK/body-token-list.json"
listed=$(json_length "$WORK/body-token-list.json" value)
[ "$listed" -ge 100 ] || log "registry token list: the first page holds $listed of 100 tokens (paged)"
add_case "registry GET" GET "$ACR_PATH?api-version=$ACR_VERSION" --bearer
add_case "registry token list (100 tokens)" GET "$ACR_PATH/tokens?api-version=$ACR_VERSION" --bearer
