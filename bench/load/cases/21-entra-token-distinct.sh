# Token issuance where every request names a different resource, so each one is a fresh RS256
# signature (identical requests within one second share a token; see docs/DEVIATIONS.md).
add_case "token issue, every request a new resource" POST "/$CER_TENANT/oauth2/token" \
  --form "grant_type=client_credentials&resource=https%3A%2F%2Fbench-{n}.cerulean.test%2F&client_id=$(uri_encode "$CER_CLIENT")&client_secret=$(uri_encode "$CER_SECRET")" \
  --min-rps 3993   # 1.5 × the 2,662/s of the Javalin front (issue "A fast front")
