# The same ARM GET of a resource group as a service principal that holds only Reader on the
# group (graph-rbac.md §5): the RBAC evaluation of an assignment below the subscription with a
# wildcard action, beside the development principal's Owner at the subscription (case 10).
# Goal: within 10 % of the Owner case. Uses RG_PATH from case 10.
READER_JSON="$WORK/bench-reader.json"
"$REPO/cerulean" sp create --name bench-reader --data-dir "$CER_DATA" >"$READER_JSON" 2>>"$WORK/sp-create.log" \
  || die "cerulean sp create failed (log: $WORK/sp-create.log)"
READER_APP=$(json_field "$READER_JSON" appId)
READER_SECRET=$(json_field "$READER_JSON" password)
curl -fsS --cacert "$CER_CA" -o "$WORK/reader-token.json" \
  --data "grant_type=client_credentials&resource=$(uri_encode https://management.azure.com/)&client_id=$(uri_encode "$READER_APP")&client_secret=$(uri_encode "$READER_SECRET")" \
  "$CER_BASE/$CER_TENANT/oauth2/token" || die "token request for the Reader principal failed"
READER_TOKEN=$(json_field "$WORK/reader-token.json" access_token)
# the principal's object id is the token's oid claim
READER_OID=$(python3 -c 'import base64,json,sys; p=sys.argv[1].split(".")[1]; print(json.loads(base64.urlsafe_b64decode(p+"="*(-len(p)%4)))["oid"])' "$READER_TOKEN")
READER_SCOPE="/subscriptions/$CER_SUB/resourceGroups/bench"
arm PUT "$READER_SCOPE/providers/Microsoft.Authorization/roleAssignments/$(python3 -c 'import uuid; print(uuid.uuid4())')?api-version=2022-04-01" \
  "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/$CER_SUB/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7\",\"principalId\":\"$READER_OID\",\"principalType\":\"ServicePrincipal\"}}" >/dev/null
add_case "ARM GET resource group as Reader" GET "$RG_PATH" --bearer-token "$READER_TOKEN"
