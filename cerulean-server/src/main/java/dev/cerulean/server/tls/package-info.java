/**
 * The per-install certificate authority and the server certificate that let real clients talk
 * HTTPS to Cerulean under localhost and Azure's public host names (clients.md §1, arm.md §1). The
 * CA is name-constrained to exactly those names and loopback addresses, so trusting it cannot let
 * it vouch for any other site; {@link dev.cerulean.server.tls.LocalCa} keeps both in the data
 * directory, and {@link dev.cerulean.server.tls.ServedNames} is the one list of names that the
 * certificate, the CA's constraints and the CONNECT proxy's allow-list are derived from.
 */
package dev.cerulean.server.tls;
