package dev.cerulean.templates.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.templates.Args;
import dev.cerulean.templates.TemplateErrors;
import dev.cerulean.templates.Values;

import static dev.cerulean.templates.Functions.add;

/** CIDR functions (deployments.md §3.7) for IPv4 ranges. */
public final class NetworkFunctions {
    private NetworkFunctions() {}

    private record Cidr(long network, int prefix) {
        long size() { return 1L << (32 - prefix); }
        long broadcast() { return network + size() - 1; }
    }

    public static void register() {
        add("parseCidr", 1, 1, NetworkFunctions::parseCidr);
        add("cidrSubnet", 3, 3, NetworkFunctions::cidrSubnet);
        add("cidrHost", 2, 2, NetworkFunctions::cidrHost);
    }

    private static JsonNode parseCidr(Args a) {
        Cidr c = cidr(a, a.str(0));
        ObjectNode out = Values.object();
        out.put("network", ip(c.network()));
        out.put("netmask", ip(c.prefix() == 0 ? 0 : (0xffffffffL << (32 - c.prefix())) & 0xffffffffL));
        out.put("broadcast", ip(c.broadcast()));
        out.put("firstUsable", ip(c.prefix() >= 31 ? c.network() : c.network() + 1));
        out.put("lastUsable", ip(c.prefix() >= 31 ? c.broadcast() : c.broadcast() - 1));
        out.put("cidr", c.prefix());
        return out;
    }

    private static JsonNode cidrSubnet(Args a) {
        Cidr c = cidr(a, a.str(0));
        long newPrefix = a.integer(1), index = a.integer(2);
        if (newPrefix < c.prefix() || newPrefix > 32) throw TemplateErrors.functionFailed(a.function(),
                "the new CIDR '" + newPrefix + "' must be between '" + c.prefix() + "' and '32'.");
        long count = 1L << (newPrefix - c.prefix());
        if (index < 0 || index >= count) throw TemplateErrors.functionFailed(a.function(),
                "the subnet index '" + index + "' is out of range; the range allows '" + count + "' subnets.");
        return Values.of(ip(c.network() + index * (1L << (32 - newPrefix))) + "/" + newPrefix);
    }

    private static JsonNode cidrHost(Args a) {
        Cidr c = cidr(a, a.str(0));
        long index = a.integer(1);
        long first = c.prefix() >= 31 ? c.network() : c.network() + 1;
        long last = c.prefix() >= 31 ? c.broadcast() : c.broadcast() - 1;
        if (index < 0 || first + index > last) throw TemplateErrors.functionFailed(a.function(),
                "the host index '" + index + "' is out of range for '" + a.str(0) + "'.");
        return Values.of(ip(first + index));
    }

    private static Cidr cidr(Args a, String s) {
        int slash = s.indexOf('/');
        try {
            if (slash < 0) throw new IllegalArgumentException();
            String[] parts = s.substring(0, slash).split("\\.");
            if (parts.length != 4) throw new IllegalArgumentException();
            long addr = 0;
            for (String p : parts) {
                int octet = Integer.parseInt(p);
                if (octet < 0 || octet > 255) throw new IllegalArgumentException();
                addr = (addr << 8) | octet;
            }
            int prefix = Integer.parseInt(s.substring(slash + 1));
            if (prefix < 0 || prefix > 32) throw new IllegalArgumentException();
            long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
            return new Cidr(addr & mask, prefix);
        } catch (IllegalArgumentException e) {
            throw TemplateErrors.functionFailed(a.function(), "the value '" + s + "' is not a valid IPv4 CIDR range.");
        }
    }

    private static String ip(long v) {
        return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }
}
