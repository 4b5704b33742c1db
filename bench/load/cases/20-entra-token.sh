# Token issuance: client-credentials grant on the v1 endpoint for ARM, one RS256 signature each.
add_case "token issue (client credentials)" POST "/$CER_TENANT/oauth2/token" \
  --form "$(cerulean_token_form)" --min-rps 2000
