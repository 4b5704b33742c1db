package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The evaluated arguments of one call, with typed accessors that fail with ARM's type errors. */
public final class Args {
    final String function;
    final List<JsonNode> values;
    final EvalContext ctx;

    public Args(String function, List<JsonNode> values, EvalContext ctx) {
        this.function = function;
        this.values = values;
        this.ctx = ctx;
    }

    public int size() { return values.size(); }
    public JsonNode get(int i) { return values.get(i); }
    public EvalContext ctx() { return ctx; }
    public String function() { return function; }

    public String str(int i) {
        JsonNode v = values.get(i);
        if (!v.isTextual()) throw TemplateErrors.argumentType(function, "of type 'String'", Values.typeName(v));
        return v.textValue();
    }

    /** A string argument, or the decimal form of an integer one (ARM converts these silently). */
    public String text(int i) {
        JsonNode v = values.get(i);
        if (v.isTextual()) return v.textValue();
        if (v.isIntegralNumber() || v.isBoolean()) return Values.display(v);
        throw TemplateErrors.argumentType(function, "of type 'String'", Values.typeName(v));
    }

    public long integer(int i) {
        JsonNode v = values.get(i);
        if (!v.isIntegralNumber()) throw TemplateErrors.argumentType(function, "of type 'Integer'", Values.typeName(v));
        return v.longValue();
    }

    public int smallInt(int i) {
        long n = integer(i);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) throw TemplateErrors.functionFailed(function, "the value '" + n + "' is too large.");
        return (int) n;
    }

    public boolean bool(int i) {
        JsonNode v = values.get(i);
        if (!v.isBoolean()) throw TemplateErrors.argumentType(function, "of type 'Boolean'", Values.typeName(v));
        return v.booleanValue();
    }

    public ArrayNode array(int i) {
        JsonNode v = values.get(i);
        if (!v.isArray()) throw TemplateErrors.argumentType(function, "of type 'Array'", Values.typeName(v));
        return (ArrayNode) v;
    }

    public ObjectNode object(int i) {
        JsonNode v = values.get(i);
        if (!v.isObject()) throw TemplateErrors.argumentType(function, "of type 'Object'", Values.typeName(v));
        return (ObjectNode) v;
    }

    public TemplateException wrongType(int i, String expected) {
        return TemplateErrors.argumentType(function, expected, Values.typeName(values.get(i)));
    }
}
